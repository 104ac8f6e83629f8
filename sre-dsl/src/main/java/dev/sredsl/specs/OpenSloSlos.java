package dev.sredsl.specs;

import java.util.List;

/** Placeholder until the OpenSLO mapping lands in this session (helper branch wt-openslo). */
final class OpenSloSlos {

  private OpenSloSlos() {}

  static ImportedSlos toModel(String file, OpenSloSpec spec) {
    throw new UnsupportedOperationException("OpenSLO mapping not merged yet");
  }
}
