// Run by the sre-maven-plugin build (maven-invoker-plugin) after `mvn verify` of this example.
import java.nio.file.Files

def rules = new File(basedir, 'target/sre/prometheus/checkout.rules.yml')
assert rules.isFile() : "sre:generate did not write ${rules}"

def log = new File(basedir, 'build.log').text
assert log.contains('Generated 3 files for 1 services') : 'the plugin did not report what it generated'

def text = rules.text
['CheckoutHighErrorRate', 'CheckoutSlowRequests', 'CheckoutNoTraffic', 'CheckoutOrdersPoolExhausted'].each {
  assert text.contains("- alert: ${it}\n") : "alert ${it} is missing from ${rules}"
}
assert text.contains('runbook_url: https://github.com/example/checkout-service/blob/main/docs/runbooks/checkout.md#checkouthigherrorrate')
assert text.contains('dashboard_url: https://grafana.example.com/d/checkout')
['CheckoutAvailabilityErrorBudgetFastBurn', 'CheckoutAvailabilityErrorBudgetSlowBurn',
 'CheckoutLatencyErrorBudgetFastBurn', 'CheckoutLatencyErrorBudgetSlowBurn'].each {
  assert text.contains("- alert: ${it}\n") : "SLO alert ${it} is missing from ${rules}"
}
def prometheusRule = new File(basedir, 'target/sre/kubernetes/checkout.prometheusrule.yaml')
assert prometheusRule.isFile() : "sre:generate did not write ${prometheusRule}"
assert prometheusRule.text.contains('release: prometheus')

// The real validator: promtool must accept the file. In CI a missing promtool fails the build.
def promtool = System.getenv('PATH').split(File.pathSeparator).collect { new File(it, 'promtool') }.find { it.canExecute() }
if (promtool == null) {
  assert System.getenv('PROMTOOL_REQUIRED') != 'true' : 'promtool is not installed (apt-get install -y prometheus) and CI=true'
  println 'SKIPPED promtool check: promtool is not installed (apt-get install -y prometheus)'
} else {
  def process = [promtool.path, 'check', 'rules', '--lint=all', '--lint-fatal', rules.path].execute()
  def output = new StringBuilder()
  process.consumeProcessOutput(output, output)
  process.waitFor()
  println output
  assert process.exitValue() == 0 : "promtool check rules failed:\n${output}"
  assert output.contains('SUCCESS: 42 rules found')

  // The generated unit tests: every alert fires on its firing input and stays silent on the other.
  def tests = new File(basedir, 'target/sre/prometheus/checkout.rules.test.yml')
  assert !tests.text.contains('# Not tested here') : 'an alert of the example has no generated test'
  def test = [promtool.path, 'test', 'rules', tests.name].execute(null, tests.parentFile)
  def testOutput = new StringBuilder()
  test.consumeProcessOutput(testOutput, testOutput)
  test.waitFor()
  println testOutput
  assert test.exitValue() == 0 : "promtool test rules failed:\n${testOutput}"
}
return true
