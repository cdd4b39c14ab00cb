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
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure the server knows Nightshift's search attributes. Returns false (and tasks then run without them)
 * when the server does not let us register them, rather than failing every workflow task on upsert.
 */
public final class SearchAttributeSetup {
  private static final Logger log = LoggerFactory.getLogger(SearchAttributeSetup.class);

  private SearchAttributeSetup() {}

  public static boolean ensure(WorkflowServiceStubs stubs, String namespace) {
    var operator = OperatorServiceGrpc.newBlockingStub(stubs.getRawChannel());
    try {
      Map<String, IndexedValueType> existing = operator.withDeadlineAfter(10, TimeUnit.SECONDS)
          .listSearchAttributes(ListSearchAttributesRequest.newBuilder().setNamespace(namespace).build())
          .getCustomAttributesMap();
      AddSearchAttributesRequest.Builder add = AddSearchAttributesRequest.newBuilder().setNamespace(namespace);
      TaskSearchAttributes.DEFINITIONS.keySet().stream().filter(name -> !existing.containsKey(name))
          .forEach(name -> add.putSearchAttributes(name, IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD));
      if (add.getSearchAttributesCount() > 0) {
        operator.withDeadlineAfter(30, TimeUnit.SECONDS).addSearchAttributes(add.build());
        log.info("registered search attributes {}", add.getSearchAttributesMap().keySet());
      }
      return true;
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.ALREADY_EXISTS) {
        return true;
      }
      log.warn("cannot register search attributes ({}); tasks run without them and listing shows less",
          e.getStatus());
      return false;
    }
  }
}
