package dev.sredsl.snapshot;

/** The name and version a snapshot file carries, so that a reader refuses one it cannot read. */
public final class SnapshotFormat {

  /** The value of the snapshot's {@code format} field. */
  public static final String NAME = "sre-dsl/snapshot";

  /**
   * The version this build writes and the newest it reads. Raise it when a field changes meaning or
   * goes away; a field added with a default does not need it.
   */
  public static final int VERSION = 1;

  /** The folder of the snapshots, relative to the output folder. */
  public static final String FOLDER = "snapshot/";

  private SnapshotFormat() {}

  /** Where a service's snapshot is written, relative to the output folder. */
  public static String file(String service) {
    return FOLDER + service + ".json";
  }
}
