package dev.sredsl.diff;

import java.util.List;

/**
 * What changes between two builds' monitoring: the risks first, then each changed service's changes.
 *
 * @param baseline how the baseline was named (a folder or zip)
 * @param risks changes that reduce protection, by service, then in the order of the sections
 * @param services each service with a change, by name
 * @param unusedAcknowledgements acknowledgements that match no risky change ({@code service: element}),
 *     which can be removed
 * @param servicesCompared how many services the two builds hold together
 */
public record Plan(String baseline, List<RiskFinding> risks, List<ServiceChanges> services,
    List<String> unusedAcknowledgements, int servicesCompared) {

  public Plan {
    risks = List.copyOf(risks);
    services = List.copyOf(services);
    unusedAcknowledgements = List.copyOf(unusedAcknowledgements);
  }

  /** The changes of one service, by area; {@code status} says whether the service came, went or changed. */
  public record ServiceChanges(String service, ChangeKind status, List<Change> changes) {
    public ServiceChanges {
      changes = List.copyOf(changes);
    }
  }

  /** No change at all: the two builds monitor the same way. */
  public boolean isEmpty() {
    return services.isEmpty() && risks.isEmpty();
  }

  /** The number of changed elements over all services. */
  public int changeCount() {
    return services.stream().mapToInt(s -> s.changes().size()).sum();
  }

  /** Risks the definitions do not acknowledge. */
  public List<RiskFinding> unacknowledgedRisks() {
    return risks.stream().filter(r -> !r.isAcknowledged()).toList();
  }
}
