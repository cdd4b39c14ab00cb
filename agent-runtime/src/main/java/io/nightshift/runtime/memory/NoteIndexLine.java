package io.nightshift.runtime.memory;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One line of a scope's index: a saved note.
 *
 * @param key     the idempotency key of the tool call that saved it; a retry with the same key finds this line
 * @param note    the digest of the note's artifact
 * @param size    its size in bytes
 * @param savedAt when it was saved, ISO-8601
 */
record NoteIndexLine(@JsonProperty("key") String key, @JsonProperty("note") String note,
    @JsonProperty("size") long size, @JsonProperty("saved_at") String savedAt) {}
