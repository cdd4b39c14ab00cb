package io.nightshift.api;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import io.nightshift.api.v1.ArtifactRef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every artifact digest a message names, wherever in it: found by walking the message rather than by listing the
 * fields that hold references today, so a reference added to the task view later is readable without a change here.
 */
final class ArtifactRefs {
  private ArtifactRefs() {}

  static Set<String> in(Message message) {
    return Set.copyOf(refs(message).keySet());
  }

  /** Every reference the message names, by digest (the first one met for each), in the order met. */
  static Map<String, ArtifactRef> refs(Message message) {
    Map<String, ArtifactRef> refs = new LinkedHashMap<>();
    collect(message, refs);
    return refs;
  }

  private static void collect(Message message, Map<String, ArtifactRef> digests) {
    if (message instanceof ArtifactRef ref) {
      if (!ref.getDigest().isEmpty()) {
        digests.putIfAbsent(ref.getDigest(), ref);
      }
      return;
    }
    for (Map.Entry<FieldDescriptor, Object> field : message.getAllFields().entrySet()) {
      if (field.getKey().getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
        continue;
      }
      if (field.getKey().isRepeated()) { // maps too: their entries are messages with a value field
        for (Object element : (List<?>) field.getValue()) {
          collect((Message) element, digests);
        }
      } else {
        collect((Message) field.getValue(), digests);
      }
    }
  }
}
