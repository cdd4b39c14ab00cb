package io.nightshift.api.edge;

import java.util.Arrays;

/** What a flaky link or a buggy client does to a request's bytes. */
enum Damage {
  CUT {
    @Override
    byte[] apply(byte[] request, int at, byte value) {
      return Arrays.copyOf(request, request.length == 0 ? 0 : at % request.length);
    }
  },
  FLIP {
    @Override
    byte[] apply(byte[] request, int at, byte value) {
      byte[] out = request.length == 0 ? new byte[] {value} : request.clone();
      out[at % out.length] ^= (byte) (value == 0 ? 0x80 : value);
      return out;
    }
  },
  INSERT {
    @Override
    byte[] apply(byte[] request, int at, byte value) {
      int i = request.length == 0 ? 0 : at % (request.length + 1);
      byte[] out = new byte[request.length + 1];
      System.arraycopy(request, 0, out, 0, i);
      out[i] = value;
      System.arraycopy(request, i, out, i + 1, request.length - i);
      return out;
    }
  },
  APPEND_TAG {
    /** A field tag with nothing after it: every parser must see the message end too early. */
    @Override
    byte[] apply(byte[] request, int at, byte value) {
      byte[] out = Arrays.copyOf(request, request.length + 1);
      out[request.length] = (byte) ((((at % 15) + 1) << 3) | 2);
      return out;
    }
  };

  abstract byte[] apply(byte[] request, int at, byte value);
}
