package io.nightshift.workflows;

import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import io.temporal.activity.ActivityInterface;
import io.temporal.workflow.WorkflowInterface;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * The code that can run on a workflow's thread: every method of every {@link WorkflowInterface} implementation, and
 * every method, constructor and static initializer of ours they can call, directly or through others, including
 * the overriding methods behind an interface call (the DAG loop, budgets, placement, payload records, core's
 * placement rules). Followed method by method from the byte code, not listed by package: packages mix the two
 * sides on purpose ({@code map} holds {@code MapWorkflowImpl} and {@code MapActivitiesImpl}), and a value type that
 * workflows use may carry a factory that only activities call ({@code PoolView.of(BackendSnapshot)}). Activity
 * implementations are not reached: workflow code sees only their interfaces, through Temporal's stubs.
 */
final class WorkflowCode {
  private final JavaClasses classes;
  private final Set<JavaCodeUnit> reached = new HashSet<>();
  private final Deque<JavaCodeUnit> todo = new ArrayDeque<>();

  private WorkflowCode(JavaClasses classes) {
    this.classes = classes;
  }

  static Set<JavaCodeUnit> of(JavaClasses classes) {
    WorkflowCode code = new WorkflowCode(classes);
    classes.stream().filter(WorkflowCode::implementsWorkflowInterface)
        .forEach(c -> c.getCodeUnits().forEach(code::reach));
    while (!code.todo.isEmpty()) {
      for (JavaAccess<?> access : code.todo.pop().getAccessesFromSelf()) {
        code.follow(access);
      }
    }
    return code.reached;
  }

  private void follow(JavaAccess<?> access) {
    JavaClass owner = access.getTargetOwner();
    if (!classes.contain(owner.getName())) {
      return; // the JDK, Temporal, Jackson: their calls are judged at the call site
    }
    owner.getStaticInitializer().ifPresent(this::reach);
    access.getTarget().resolveMember().ifPresent(member -> {
      if (member instanceof JavaCodeUnit unit) {
        reach(unit);
      }
      if (member instanceof JavaMethod method && !method.getModifiers().contains(JavaModifier.STATIC)
          && !isStub(method.getOwner())) {
        overriders(method);
      }
    });
  }

  /** What a virtual call may run: the methods of the same signature in every subclass we have. */
  private void overriders(JavaMethod method) {
    String[] parameters = method.getRawParameterTypes().stream().map(JavaClass::getName).toArray(String[]::new);
    for (JavaClass sub : method.getOwner().getAllSubclasses()) {
      sub.tryGetMethod(method.getName(), parameters).ifPresent(this::reach);
    }
  }

  private void reach(JavaCodeUnit unit) {
    if (reached.add(unit)) {
      todo.add(unit);
    }
  }

  /** A call on an activity or workflow stub is a command to Temporal, not a call into the implementation. */
  private static boolean isStub(JavaClass c) {
    return c.isAnnotatedWith(ActivityInterface.class) || c.isAnnotatedWith(WorkflowInterface.class);
  }

  private static boolean implementsWorkflowInterface(JavaClass c) {
    return !c.isInterface() && c.getAllRawInterfaces().stream().anyMatch(i -> i.isAnnotatedWith(WorkflowInterface.class));
  }
}
