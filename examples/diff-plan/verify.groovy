// Run by the sre-maven-plugin build (maven-invoker-plugin) after the four builds of invoker.properties.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def builds = log.split(/(?m)^\[INFO\] Building diff-plan /)
assert builds.size() == 5 : "expected four builds, found ${builds.size() - 1}"
def lines = { int build -> builds[build].readLines() }
// The part of a build that sre:diff printed: from its goal's banner to the end of the build.
def diffPart = { int build ->
  def all = lines(build)
  def start = all.findIndexOf { it.contains(':diff (default-cli) @ diff-plan') }
  assert start >= 0 : "build ${build} ran no sre:diff"
  all.subList(start, all.size())
}

// 1: the baseline, outside target.
assert lines(1).any { it ==~ /\[INFO\] Generated \d+ files for 2 services in .*diff-plan.baseline .*/ } : builds[1]
assert new File(basedir, 'baseline/snapshot/orders.json').isFile()
assert new File(basedir, 'baseline/snapshot/catalog.json').isFile()

// 2: four unacknowledged risks fail the build, one error line each, naming the service, the risk and the fix.
def risky = diffPart(2)
def errors = risky.findAll { it.startsWith('[ERROR] orders: ') }.collect { it.substring(8) }
assert errors == [
  'orders: SLO lowered: SLO availability: 99.9% over 30d: 43m12s of full outage → 99.5% over 30d: 3h36m of full outage; if this is meant, say why in the definitions: service.acknowledgeRisk("availability", "why")',
  'orders: threshold loosened: OrdersHighErrorRate: error ratio above 5% over 5m → error ratio above 10% over 5m; if this is meant, say why in the definitions: .acknowledgeRisk("why") on alert OrdersHighErrorRate',
  'orders: for lengthened: OrdersHighErrorRate waits 2m → 5m before it fires; if this is meant, say why in the definitions: .acknowledgeRisk("why") on alert OrdersHighErrorRate',
  'orders: alert removed: OrdersLegacyErrors (critical) removed; if this is meant, say why in the definitions: service.acknowledgeRisk("OrdersLegacyErrors", "why")',
] : errors.join('\n')
assert risky.any { it.startsWith('[ERROR] Failed to execute goal') && it.contains('sre:diff: 4 unacknowledged changes reduce protection; see the lines above') }
assert risky.count { it.startsWith('::error title=SRE diff::orders: ') } == 4 : 'one annotation per unacknowledged risk'
assert lines(2).contains('[INFO] BUILD FAILURE')
// The build fails as a failed check, not as a crash.
assert !risky.any { it ==~ /\s+at [\w$.]+ ?\(.*\)/ || it =~ /\w(Exception|Error): / } : 'a stack trace reached the build log:\n' + risky.join('\n')
// The plan is written even though the build fails; it holds no acknowledgement.
def riskyPlan = new File(basedir, 'plans/risky/diff/sre-diff.md').text
assert riskyPlan.contains('\n13 changes in 1 of 2 services against the baseline; 4 reduce protection.\n')
assert !riskyPlan.contains('acknowledged')

// 3: the same changes, each risk acknowledged: the build passes and the plan says why.
assert lines(3).contains('[INFO] BUILD SUCCESS')
assert diffPart(3).any { it.endsWith('sre:diff: 13 changes in 1 of 2 services, 4 reducing protection (4 acknowledged); plan written to '
    + new File(basedir, 'plans/acknowledged/diff').path) }
assert !diffPart(3).any { it.startsWith('[ERROR]') || it.startsWith('[WARNING] orders') }
def plan = new File(basedir, 'plans/acknowledged/diff/sre-diff.md').text
def planLines = plan.readLines()
def expected = [
  '## Monitoring plan',
  '13 changes in 1 of 2 services against the baseline; 4 reduce protection, 4 of them acknowledged.',
  '### ⚠️ Changes that reduce protection',
  '- **SLO lowered** in orders: SLO availability: 99.9% over 30d: 43m12s of full outage → 99.5% over 30d: 3h36m of full outage (acknowledged: The payment provider\'s own SLO is 99.5%; we cannot promise more.)',
  '- **threshold loosened** in orders: `OrdersHighErrorRate`: error ratio above 5% over 5m → error ratio above 10% over 5m (acknowledged: Retries absorb up to 10% of failures; 5% paged for nothing.)',
  '- **for lengthened** in orders: `OrdersHighErrorRate` waits 2m → 5m before it fires (acknowledged: Retries absorb up to 10% of failures; 5% paged for nothing.)',
  '- **alert removed** in orders: `OrdersLegacyErrors` (critical) removed (acknowledged: Replaced by the availability SLO\'s burn-rate alerts.)',
  '### orders',
  '**SLOs**',
  '- Changed `availability` (99.5% over 30d: 3h36m of full outage)',
  '  - objective: 99.9% over 30d: 43m12s of full outage → 99.5% over 30d: 3h36m of full outage',
  '**Alerts**',
  '- Changed `OrdersHighErrorRate` (critical, to shop-page)',
  '  - condition: error ratio above 5% over 5m → error ratio above 10% over 5m',
  '  - for: 2m → 5m',
  '  - summary: Orders fail more than 5% of requests. → Orders fail more than 10% of requests.',
  '- Removed `OrdersLegacyErrors` (critical, to shop-page)',
  '- Added `OrdersSlowRequests` (warning, to shop-ticket)',
  '  - condition: p99 latency above 800ms over 10m',
  '**Runbooks**',
  '- Changed `OrdersHighErrorRate`',
  '  - diagnosis, added: Check the payment provider\'s status page.',
  '**Dashboard**',
  '- Changed panel Custom / Orders by channel',
  '  - title: Orders by channel → Orders placed by channel',
  '<summary>PromQL of orders (14 queries)</summary>',
]
expected.each { assert planLines.contains(it) : "the plan lacks the line\n${it}\n--- plan:\n${plan}" }
// Risks first: the risk section comes before the service's changes; the unchanged service is not listed.
assert plan.indexOf('### ⚠️ Changes that reduce protection') < plan.indexOf('### orders')
assert !plan.contains('### catalog')
assert !plan.contains('Risk acknowledgements that match no risky change')

def json = new JsonSlurper().parse(new File(basedir, 'plans/acknowledged/diff/sre-diff.json'))
assert json.schema == 'sre-dsl/diff/v1'
assert json.changed == true
assert json.summary == [servicesCompared: 2, servicesChanged: 1, changes: 13, risks: 4, unacknowledgedRisks: 0]
assert json.risks*.risk == ['SLO_LOWERED', 'THRESHOLD_LOOSENED', 'FOR_LENGTHENED', 'ALERT_REMOVED']
assert json.risks.every { it.service == 'orders' && it.acknowledgement }
assert json.services*.service == ['orders'] && json.services[0].status == 'changed'
def alert = json.services[0].changes.find { it.area == 'alerts' && it.element == 'OrdersHighErrorRate' }
assert alert.kind == 'changed'
assert alert.details.find { it.field == 'for' }.with { it.before == '2m' && it.after == '5m' }
assert json.unusedAcknowledgements == []

// As on GitHub Actions: the plan went into the step summary.
assert new File(basedir, 'step-summary.md').text == plan + '\n'

// 4: nothing changed: one line, where sre:diff writes by default.
assert lines(4).contains('[INFO] BUILD SUCCESS')
assert new File(basedir, 'target/sre/diff/sre-diff.md').text == 'No monitoring change.\n'
def unchanged = new JsonSlurper().parse(new File(basedir, 'target/sre/diff/sre-diff.json'))
assert unchanged.changed == false && unchanged.summary.changes == 0 && unchanged.summary.servicesCompared == 2
return true
