// Run by the sre-maven-plugin build (maven-invoker-plugin) after this example's build: stops the Prometheus
// that prebuild.groovy started, then checks sre:verify's report against the history prebuild.groovy designed.
import groovy.json.JsonSlurper
import java.time.Duration
import java.time.Instant
import java.util.concurrent.TimeUnit

def stopPrometheus = {
  def pidFile = new File(basedir, 'prometheus.pid')
  if (!pidFile.isFile()) {
    return
  }
  ProcessHandle.of(pidFile.text.trim() as long).ifPresent { ProcessHandle started ->
    // prebuild.groovy may have started Prometheus under timeout(1): stop both.
    def all = started.descendants().toList() + [started]
    all.each { it.destroy() }
    all.each { handle ->
      try {
        handle.onExit().get(10, TimeUnit.SECONDS)
      } catch (java.util.concurrent.TimeoutException stuck) {
        handle.destroyForcibly()
      }
    }
  }
  pidFile.delete()
}

try {
  def log = new File(basedir, 'build.log').text
  def skipped = new File(basedir, 'prometheus.skipped')
  // The invoker runs this script even when prebuild.groovy failed and no build ran: name that failure first.
  assert skipped.isFile() || new File(basedir, 'prometheus.pid').isFile() :
      'prebuild.groovy started no Prometheus: ' + (log.readLines().find { it.contains('Error') || it.contains('Exception') }
          ?: 'see the top of build.log')
  stopPrometheus()
  assert !log.readLines().any { it ==~ /\s+at [\w$.]+\(.*\)/ } : 'a stack trace reached the build log'
  // Maven prints the frames of the exceptions it logs as 'at a.b (File.java:1)'; the first build to fill the
  // invoker's local repository logs such traces for checksums, so only the goal's own part of the log is read.
  def goal = log.indexOf('--- sre-maven-plugin:')
  assert goal >= 0 : 'sre:verify did not run'
  assert !log.substring(goal).readLines().any { it ==~ /\s+at [\w$.]+ ?\(.*\)/ } : 'sre:verify logged a stack trace'

  if (skipped.isFile()) {
    // prebuild.groovy found no promtool or prometheus (and CI is not set): the goal must have skipped cleanly.
    assert log.contains('Skipping sre:verify (sre.skip=true)')
    println "SKIPPED verify-local checks: ${skipped.text.trim()}"
    return true
  }

  // The history prebuild.groovy designed, and when the error alert must have fired.
  def end = Instant.parse('2026-11-20T00:00:00Z')
  def burst = Instant.parse('2026-11-19T14:00:00Z')
  def burstEnd = burst.plus(Duration.ofMinutes(30))
  // Pending from the first evaluation whose 5m window holds a failure (a minute in), firing 5m later.
  def expectedStart = burst.plus(Duration.ofMinutes(6))
  // Quiet from the first evaluation whose 5m window holds no failure any more.
  def expectedEnd = burstEnd.plus(Duration.ofMinutes(5))
  def near = { String actual, Instant expected, String what ->
    def difference = Duration.between(expected, Instant.parse(actual)).abs()
    assert difference <= Duration.ofMinutes(1) : "${what}: expected about ${expected}, was ${actual}"
  }

  assert log.find(/Verifying 1 services against http:\/\/127\.0\.0\.1:\d+/) : 'no progress line in the build log'
  assert log.contains('ledger: 5 alerts backtested')
  assert log.contains('All verify checks have been met')

  def folder = new File(basedir, 'target/sre/verify')
  def report = new JsonSlurper().parse(new File(folder, 'sre-verify.json'))
  assert report.schema == 'sre-dsl/verify/v1'
  assert report.server ==~ /http:\/\/127\.0\.0\.1:\d+/
  assert report.window.end == end.toString()
  assert report.window.start == end.minus(Duration.ofDays(2)).toString()
  assert report.window.step == '1m'
  assert report.violations == []

  assert report.services*.name == ['ledger']
  def ledger = report.services[0]
  assert ledger.team == 'books'
  def alerts = ledger.alerts.collectEntries { [(it.name): it] }
  assert alerts.keySet() == ['LedgerHighErrorRate', 'LedgerSlow', 'LedgerNoTraffic', 'LedgerMetricsMissing',
                             'LedgerTargetsDown'] as Set

  def errors = alerts.LedgerHighErrorRate
  assert errors.status == 'evaluated' && errors.cannot_fire == null
  assert errors.current.evaluable
  assert errors.current.episode_count == 1 : errors.current.episodes
  def episode = errors.current.episodes[0]
  near(episode.start, expectedStart, 'LedgerHighErrorRate fired')
  near(episode.end, expectedEnd, 'LedgerHighErrorRate resolved')
  assert !episode.ongoing
  assert errors.current.firing_seconds == episode.duration_seconds
  assert Math.abs(episode.peak - 20.0 / 30.0) < 1e-6 : "peak error ratio ${episode.peak}, designed 20/30"
  assert errors.baseline == null

  // Evaluable, and quiet: p99 stays under 300 ms, traffic never drops, the metrics and the target never go.
  ['LedgerSlow', 'LedgerNoTraffic', 'LedgerMetricsMissing', 'LedgerTargetsDown'].each { name ->
    def quiet = alerts[name]
    assert quiet.status == 'evaluated' && quiet.current.evaluable : "${name}: ${quiet}"
    assert quiet.current.episode_count == 0 : "${name}: ${quiet.current.episodes}"
  }

  // Every selector of the rules and the dashboard matched the history.
  def serious = ledger.findings.findAll { it.severity != 'INFO' }
  assert serious == [] : serious*.message.join('\n')

  // One page in two days is 3.5 per week; the pom allows 5.
  assert report.teams == [[team: 'books', pages_per_week: 3.5, tickets_per_week: 0.0, baseline_pages_per_week: null,
                           baseline_tickets_per_week: null]]

  def markdown = new File(folder, 'sre-verify.md').text
  assert markdown.contains('```mermaid\ngantt\n') : markdown
  assert markdown.contains('section LedgerHighErrorRate') : markdown
  assert markdown.contains('| LedgerHighErrorRate | critical | 1 |') : markdown
  return true
} finally {
  stopPrometheus()
}
