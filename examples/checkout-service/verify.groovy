// Run by the sre-maven-plugin build (maven-invoker-plugin) after `mvn verify` of this example.
import java.nio.file.Files

def rules = new File(basedir, 'target/sre/prometheus/checkout.rules.yml')
assert rules.isFile() : "sre:generate did not write ${rules}"

def log = new File(basedir, 'build.log').text
assert log.contains('Generated 24 files for 2 services') : 'the plugin did not report what it generated'

def text = rules.text
['CheckoutHighErrorRate', 'CheckoutSlowRequests', 'CheckoutNoTraffic', 'CheckoutOrdersPoolExhausted'].each {
  assert text.contains("- alert: ${it}\n") : "alert ${it} is missing from ${rules}"
}
assert text.contains('runbook_url: https://github.com/example/checkout-service/blob/main/docs/runbooks/checkout.md#checkouthigherrorrate')
assert text.contains('    for: 5m\n        keep_firing_for: 10m\n') : 'CheckoutOrdersPoolExhausted lost its keep_firing_for'
assert text.contains('dashboard_url: https://grafana.example.com/d/checkout')
['CheckoutAvailabilityErrorBudgetFastBurn', 'CheckoutAvailabilityErrorBudgetSlowBurn',
 'CheckoutLatencyErrorBudgetFastBurn', 'CheckoutLatencyErrorBudgetSlowBurn'].each {
  assert text.contains("- alert: ${it}\n") : "SLO alert ${it} is missing from ${rules}"
}
def prometheusRule = new File(basedir, 'target/sre/kubernetes/checkout.prometheusrule.yaml')
assert prometheusRule.isFile() : "sre:generate did not write ${prometheusRule}"
assert prometheusRule.text.contains('release: prometheus')
['grafana/dashboards/checkout.json', 'grafana/provisioning/dashboards.yaml', 'kubernetes/checkout.grafanadashboard.yaml'].each {
  assert new File(basedir, "target/sre/${it}").isFile() : "sre:generate did not write ${it}"
}
assert new File(basedir, 'target/sre/grafana/dashboards/checkout.json').text.contains('"title": "Payments by provider"')

// Every alert's runbook_url leads to a section of the generated runbook.
def runbook = new File(basedir, 'target/sre/runbooks/checkout.md').text
def anchors = runbook.readLines().findAll { it.startsWith('## ') }.collect { it.substring(3).toLowerCase() }
def urls = text.readLines().findAll { it.contains('runbook_url: ') }.collect { it.substring(it.indexOf('#') + 1) }
assert urls.size() == 10 : "expected 10 alerts with a runbook_url, found ${urls.size()}"
urls.each { assert anchors.contains(it) : "runbook_url #${it} has no section in the runbook" }
assert new File(basedir, 'target/sre/runbooks/README.md').isFile()

// The coverage gate passes and writes both reports; the table also went to the step summary.
assert log.contains('All coverage checks have been met')
assert new File(basedir, 'target/sre/coverage/sre-coverage.json').text.contains('"schema" : "sre-dsl/coverage/v1"') ||
    new File(basedir, 'target/sre/coverage/sre-coverage.json').text.contains('"schema": "sre-dsl/coverage/v1"')
assert new File(basedir, 'step-summary.md').text.contains('| checkout | 4/4 (100%) |')
def site = new File(basedir, 'target/site/sre-coverage.html')
assert site.isFile() : 'mvn site did not write the coverage page'
assert site.text.contains('SRE coverage') && site.text.contains('All coverage checks are met') && site.text.contains('4/4 (100%)')

// amtool must accept the routes, and every routing expectation must reach its receiver, run with the
// one-line command the README gives. In CI a missing amtool fails the build.
def routesDir = new File(basedir, 'target/sre/alertmanager')
assert new File(routesDir, 'routes.tests.txt').isFile() : "sre:generate did not write ${routesDir}/routes.tests.txt"
assert new File(routesDir, 'routes.yml').text.contains('active_time_intervals:') : 'the warnings ignore the working hours'
def amtool = System.getenv('PATH').split(File.pathSeparator).collect { new File(it, 'amtool') }.find { it.canExecute() }
if (amtool == null) {
  assert System.getenv('CI') != 'true' : 'amtool is not installed (apt-get install -y prometheus-alertmanager) and CI=true'
  println 'SKIPPED amtool checks: amtool is not installed (apt-get install -y prometheus-alertmanager)'
} else {
  def runIn = { List<String> command ->
    def process = command.execute(null, routesDir)
    def output = new StringBuilder()
    process.consumeProcessOutput(output, output)
    process.waitFor()
    println output
    assert process.exitValue() == 0 : "${command.join(' ')} failed:\n${output}"
    return output.toString()
  }
  assert runIn([amtool.path, 'check-config', 'routes.yml']).contains('SUCCESS')
  def cases = new File(routesDir, 'routes.tests.txt').readLines().findAll { it && !it.startsWith('#') }
  assert cases.size() == 14 : "expected 3 severities and 4 burn-rate alerts for each of checkout and refunds, found ${cases.size()} cases"
  def ran = runIn(['sh', '-c', "grep -v '^#' routes.tests.txt | xargs -r -t -L1 amtool config routes test --config.file=routes.yml"])
  assert ran.readLines().count { it.startsWith('amtool config routes test ') } == cases.size() : ran
}

// The real validators: promtool must accept the rules, pass the generated tests and the hand-written
// one. In CI a missing promtool fails the build.
def promtool = System.getenv('PATH').split(File.pathSeparator).collect { new File(it, 'promtool') }.find { it.canExecute() }
if (promtool == null) {
  // This script runs in the invoker's JVM, which sees CI itself; PROMTOOL_REQUIRED reaches only the build.
  assert System.getenv('PROMTOOL_REQUIRED') != 'true' && System.getenv('CI') != 'true' :
      'promtool is not installed (apt-get install -y prometheus) and CI=true'
  println 'SKIPPED promtool checks: promtool is not installed (apt-get install -y prometheus)'
  return true
}
def run = { List<String> args, File dir ->
  def process = ([promtool.path] + args).execute(null, dir)
  def output = new StringBuilder()
  process.consumeProcessOutput(output, output)
  process.waitFor()
  println output
  assert process.exitValue() == 0 : "promtool ${args.join(' ')} failed:\n${output}"
  return output.toString()
}

assert run(['check', 'rules', '--lint=all', '--lint-fatal', rules.path], basedir).contains('SUCCESS: 56 rules found')
run(['check', 'rules', '--lint=all', '--lint-fatal', 'target/sre/prometheus/refunds.rules.yml'], basedir)
// The backfill rules, for promtool tsdb create-blocks-from rules: never loaded by Prometheus beside the live rules.
['checkout', 'refunds'].each { service ->
  run(['check', 'rules', '--lint=all', '--lint-fatal', "target/sre/backfill/${service}.rules.yml".toString()], basedir)
}

// Every alert fires on its generated firing input and stays silent on the other.
['checkout', 'refunds'].each { service ->
  def tests = new File(basedir, "target/sre/prometheus/${service}.rules.test.yml")
  assert !tests.text.contains('# Not tested here') : "an alert of ${service} has no generated test"
  run(['test', 'rules', tests.name], tests.parentFile)
}

// The hand-written tests: the burn-rate semantics over 7, 30 and 90 days, the Workbook's detection
// times, low traffic, missing data, and one alert held open by keep_firing_for through a flapping pool.
new File(basedir, 'src/test/promtool').listFiles().findAll { it.name.endsWith('.test.yml') }.sort().each {
  run(['test', 'rules', "src/test/promtool/${it.name}"], basedir)
}
return true
