// Run by the sre-maven-plugin build (maven-invoker-plugin) after the three builds of invoker.properties.
def log = new File(basedir, 'build.log').text
def builds = log.split(/(?m)^\[INFO\] Building mixed-specs /)
assert builds.size() == 4 : "expected three builds, found ${builds.size() - 1}"

// 1: ledger comes from its spec alone; the gate reports exactly what Java has to add.
def gaps = builds[1]
assert gaps.contains('[WARNING] service ledger: ownership coverage is 0.00, expected minimum 1.00; missing: owner (no tier, no team, no on-call rotation, no escalation)') : gaps
assert gaps.contains('[WARNING] service ledger: golden signal coverage is 0.00, expected minimum 1.00; golden signals missing: latency, traffic, errors, saturation') : gaps
assert gaps.contains('[WARNING] service payments: SLO coverage is 0.00') : gaps
assert gaps.contains('BUILD FAILURE') : gaps

// 2: Java and the Sloth spec make one payments service; the dropped label is a warning; the gate passes.
def main = builds[2]
assert main.contains('Generated ') && main.contains(' for 1 services in ') : main
assert main.contains("[WARNING] src/main/sre/payments.yml:8:5: the page alert label 'severity' (critical) is not kept: sre-dsl sets severity itself and its Alertmanager routes match on it; route on the build's value, or rename the label in the spec") : main
assert main.contains('All coverage checks have been met') : main

// The spec's alerts under its n// The spec's alerts under its names, with its labels and annotations; Java's owner labels them too.
def rules = new File(basedir, 'target/sre/prometheus/payments.rules.yml').text
def alertBlock = { String name ->
  def start = rules.indexOf("- alert: ${name}\n")
  assert start >= 0 : "no alert ${name} in\n${rules}"
  def next = rules.indexOf('- alert: ', start + 1)
  rules.substring(start, next < 0 ? rules.length() : next)
}
def page = alertBlock('PaymentsAuthorisationsFailing')
['severity: critical', 'team: payments', 'routing_key: payments', 'category: availability', 'owner: payments',
 'slo: card-authorisations', 'summary: Card authorisations fail for technical reasons'].each {
  assert page.contains(it) : "${it} missing in\n${page}"
}
def ticket = alertBlock('PaymentsAuthorisationsFailingTicket')
assert ticket.contains('severity: warning') && ticket.contains('slack_channel: "#payments-alerts"') : ticket
// The raw SLI: its page alert disabled in the spec, its ticket kept, every window read with its query.
assert !rules.contains('- alert: PaymentsFraudRulesStale\n') && rules.contains('- alert: PaymentsFraudRulesStaleTicket\n')
assert rules.contains('[1h:]') && rules.contains('[3d:]')
// The generated promtool tests and runbook cover the imported SLOs as they cover Java's.
assert new File(basedir, 'target/sre/prometheus/payments.rules.test.yml').text.contains('PaymentsAuthorisationsFailing')
assert new File(basedir, 'target/sre/runbooks/payments.md').text.contains('PaymentsAuthorisationsFailingTicket')

// 3: sre:import wrote the ledger service as Java, named after the spec it came from.
def imported = new File(basedir, 'target/imported/com/example/ledger/LedgerDefinitions.java')
assert builds[3].contains('Imported 1 services from src/gaps/ledger.yml into ') : builds[3]
def source = imported.text
assert source.contains('src/gaps/ledger.yml') : source
assert source.contains('public final class LedgerDefinitions implements SreDefinitions') : source
assert source.contains('SloAlerting.named("LedgerWritesFailing", "LedgerWritesFailingTicket")') : source
return true
