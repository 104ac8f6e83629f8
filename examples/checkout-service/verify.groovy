// Run by the sre-maven-plugin build (maven-invoker-plugin) after `mvn verify` of this example.
import java.nio.file.Files

def rules = new File(basedir, 'target/sre/prometheus/checkout.rules.yml')
assert rules.isFile() : "sre:generate did not write ${rules}"

def log = new File(basedir, 'build.log').text
assert log.contains('Generated 10 files for 1 services') : 'the plugin did not report what it generated'

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
assert urls.size() == 8 : "expected 8 alerts with a runbook_url, found ${urls.size()}"
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

assert run(['check', 'rules', '--lint=all', '--lint-fatal', rules.path], basedir).contains('SUCCESS: 42 rules found')

// Every alert fires on its generated firing input and stays silent on the other.
def tests = new File(basedir, 'target/sre/prometheus/checkout.rules.test.yml')
assert !tests.text.contains('# Not tested here') : 'an alert of the example has no generated test'
run(['test', 'rules', tests.name], tests.parentFile)

// The hand-written tests that pin the burn-rate semantics of the 99.9% availability SLO, and one
// alert held open by keep_firing_for through a flapping pool.
run(['test', 'rules', 'src/test/promtool/availability-burn-rate.test.yml'], basedir)
run(['test', 'rules', 'src/test/promtool/availability-burn-rate-quiet.test.yml'], basedir)
run(['test', 'rules', 'src/test/promtool/pool-flapping.test.yml'], basedir)
return true
