package io.nightshift.api;

import com.google.protobuf.CodedOutputStream;
import io.grpc.StatusRuntimeException;
import io.nightshift.api.edge.BoundedText;
import io.nightshift.api.v1.TaskSpec;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Submits made safe to retry by an idempotency key, kept durably in Temporal itself rather than in the API process
 * (which may restart, or run as several): the task id is derived from tenant and key, so a repeat collides with the
 * first start however far that got (Temporal refuses a second start of the id, REJECT_DUPLICATE), and the first
 * start's memo holds the key and a digest of its spec, which tells a repeat (answered with the task's id) from
 * the key reused for other work (FAILED_PRECONDITION naming idempotency_key).
 */
final class IdempotentSubmits {
  static final String MEMO_KEY = "idempotencyKey";
  static final String MEMO_SPEC_DIGEST = "specDigest";
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
  /** 128 bits of the hash: ids stay short and a collision between keys stays out of reach. */
  private static final int ID_HEX_CHARS = 32;

  private IdempotentSubmits() {}

  /** A submission's key, checked, with the spec's digest; what its task's memo records. */
  record Keyed(String key, String specDigest) {
    Map<String, Object> memo() {
      return Map.of(MEMO_KEY, key, MEMO_SPEC_DIGEST, specDigest);
    }
  }

  /**
   * The key of a submit checked at the edge, with its spec's digest.
   *
   * @throws StatusRuntimeException INVALID_ARGUMENT naming idempotency_key for a malformed key, or one given
   *     together with task_id (an id of one's own is already safe to retry: ALREADY_EXISTS)
   */
  static Keyed checked(String key, String requestedId, TaskSpec spec) {
    if (!KEY.matcher(key).matches()) {
      throw ApiErrors.invalid("idempotency_key", "idempotency_key must be 1-128 letters, digits, '-', '_', '.' or"
          + " ':' (a UUID will do); was '" + BoundedText.quoted(key) + "'");
    }
    if (!requestedId.isEmpty()) {
      throw ApiErrors.invalid("idempotency_key", "give task_id or idempotency_key, not both: a retried submit with"
          + " the same task_id already starts nothing new (ALREADY_EXISTS)");
    }
    return new Keyed(key, digest(spec));
  }

  /** The task id for {@code key} in {@code tenant}: the same for every repeat, different across tenants. */
  static String taskId(String tenant, String key) {
    byte[] hash = sha256(("nightshift-idempotency\n" + tenant + "\n" + key).getBytes(StandardCharsets.UTF_8));
    return "task-" + HexFormat.of().formatHex(hash).substring(0, ID_HEX_CHARS);
  }

  /**
   * The id of the task a repeated submit meant, after Temporal refused to start {@code taskId} again.
   *
   * @throws StatusRuntimeException FAILED_PRECONDITION naming idempotency_key when the task there was started with
   *     another spec (or is not this tenant's submit with this key)
   */
  static String repeated(WorkflowClient client, String taskId, String tenant, Keyed keyed) {
    WorkflowExecutionInfo first = client.getWorkflowServiceStubs().blockingStub().describeWorkflowExecution(
        DescribeWorkflowExecutionRequest.newBuilder().setNamespace(client.getOptions().getNamespace())
            .setExecution(WorkflowExecution.newBuilder().setWorkflowId(taskId)).build()).getWorkflowExecutionInfo();
    Map<String, Payload> memo = first.getMemo().getFieldsMap();
    var converter = client.getOptions().getDataConverter();
    boolean sameSubmitter = TaskReader.WORKFLOW_TYPE.equals(first.getType().getName())
        && tenant.equals(TenantScope.tenantOf(first, converter))
        && keyed.key().equals(TaskReader.memoString(memo, MEMO_KEY, converter));
    if (!sameSubmitter) {
      throw ApiErrors.conflict("idempotency_key", "IDEMPOTENCY_KEY_TAKEN", "the task id this idempotency_key"
          + " stands for is taken by another task; submit with another key");
    }
    if (!keyed.specDigest().equals(TaskReader.memoString(memo, MEMO_SPEC_DIGEST, converter))) {
      throw ApiErrors.conflict("idempotency_key", "IDEMPOTENCY_KEY_REUSED", "idempotency_key '"
          + BoundedText.quoted(keyed.key()) + "' was used for task '" + taskId + "' with a different spec; a"
          + " repeat must send the same spec, and new work needs a new key");
    }
    return taskId;
  }

  /** SHA-256 of the spec's deterministic encoding (map entries in key order), as "sha256:hex". */
  static String digest(TaskSpec spec) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CodedOutputStream out = CodedOutputStream.newInstance(bytes);
    out.useDeterministicSerialization();
    try {
      spec.writeTo(out);
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return "sha256:" + HexFormat.of().formatHex(sha256(bytes.toByteArray()));
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
