package io.nightshift.core.tool;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ForwardingToolContextTest {
  @Test
  void shouldHandEveryMethodOfTheToolContextToItsDelegateIncludingTheDefaults() throws Exception {
    List<Method> reached = new ArrayList<>();
    // a delegate that records what reaches it: the proxy sees default methods too, so a method the forwarding
    // class leaves to the interface's default never shows up here
    ToolContext delegate = (ToolContext) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {ToolContext.class}, (proxy, method, args) -> {
          reached.add(method);
          return method.getReturnType() == Optional.class ? Optional.empty() : null;
        });
    ToolContext forwarding = new ForwardingToolContext(delegate) {};

    for (Method m : ToolContext.class.getMethods()) {
      if (Modifier.isStatic(m.getModifiers())) {
        continue;
      }
      reached.clear();
      m.invoke(forwarding, new Object[m.getParameterCount()]);
      assertThat(reached).as("ForwardingToolContext forwards %s", m.getName()).containsExactly(m);
    }
  }
}
