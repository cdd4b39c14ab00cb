package io.nightshift.runtime.temporal;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.nightshift.workflows.task.TaskSearchAttributes;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.operatorservice.v1.AddSearchAttributesRequest;
import io.temporal.api.operatorservice.v1.ListSearchAttributesRequest;
import io.temporal.api.operatorservice.v1.OperatorServiceGrpc;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure the server knows Nightshift's search attributes. At start ({@link #ensure}) a server that does not let
 * us register them is a warning, and tasks then run without them, rather than failing every workflow task on
 * upsert; an operator who may register them does so once with {@code nightshift admin setup} ({@link #register}).
 */
public final class SearchAttributeSetup {
  private static final Logger log = LoggerFactory.getLogger(SearchAttributeSetup.class);

  /**
   * What {@link #register} found and did in one namespace.
   *
   * @param added   the attributes it registered
   * @param present the attributes the namespace had already
   */
  public record Registration(String namespace, Set<String> added, Set<String> present) {}

  private SearchAttributeSetup() {}

  /** Registers what is missing; false (logged) when the server does not let us. */
  public static boolean ensure(WorkflowServiceStubs stubs, String namespace) {
    try {
      register(stubs, namespace);
      return true;
    } catch (StatusRuntimeException e) {
      log.warn("cannot register search attributes ({}); tasks run without them and listing shows less",
          e.getStatus());
      return false;
    }
  }

  /**
   * Registers the attributes {@code namespace} lacks, each with its type in {@link TaskSearchAttributes#DEFINITIONS}.
   *
   * @throws StatusRuntimeException as the server refused: PERMISSION_DENIED for a caller who may not, NOT_FOUND
   *     for a namespace that does not exist, UNAVAILABLE when it does not answer
   */
  public static Registration register(WorkflowServiceStubs stubs, String namespace) {
    var operator = OperatorServiceGrpc.newBlockingStub(stubs.getRawChannel());
    Map<String, IndexedValueType> existing = operator.withDeadlineAfter(10, TimeUnit.SECONDS)
        .listSearchAttributes(ListSearchAttributesRequest.newBuilder().setNamespace(namespace).build())
        .getCustomAttributesMap();
    Set<String> present = new TreeSet<>();
    AddSearchAttributesRequest.Builder add = AddSearchAttributesRequest.newBuilder().setNamespace(namespace);
    for (Map.Entry<String, String> definition : TaskSearchAttributes.DEFINITIONS.entrySet()) {
      String name = definition.getKey();
      if (existing.containsKey(name)) {
        present.add(name);
      } else {
        add.putSearchAttributes(name, indexedType(definition.getValue()));
      }
    }
    if (add.getSearchAttributesCount() > 0) {
      try {
        operator.withDeadlineAfter(30, TimeUnit.SECONDS).addSearchAttributes(add.build());
        log.info("registered search attributes {} in namespace {}", add.getSearchAttributesMap().keySet(),
            namespace);
      } catch (StatusRuntimeException e) {
        if (e.getStatus().getCode() != Status.Code.ALREADY_EXISTS) {
          throw e;
        }
        // another process registered them meanwhile
      }
    }
    return new Registration(namespace, new TreeSet<>(add.getSearchAttributesMap().keySet()), present);
  }

  /** The server's type for a type named as the {@code temporal} CLI names it ("Keyword", "KeywordList"). */
  private static IndexedValueType indexedType(String name) {
    return switch (name) {
      case "Keyword" -> IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD;
      case "KeywordList" -> IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD_LIST;
      default -> throw new IllegalArgumentException("no search attribute type named " + name);
    };
  }
}
