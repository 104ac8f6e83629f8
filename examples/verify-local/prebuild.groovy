// Run by maven-invoker-plugin before this example's build, in the invoker's JVM (`basedir` is the cloned
// project). Designs a two-day history whose answers are known, turns it into TSDB blocks with promtool,
// starts Prometheus on them on a free loopback port, and points the build's sre:verify at it through
// .mvn/maven.config. verify.groovy stops Prometheus; a shutdown hook (and a timeout) stop it if that never runs.
//
// The history (30 s scrapes, from an hour before the backtest window to its end):
//   ledger serves 10 successful requests a second on uri /x, half under 100 ms, all under 300 ms;
//   on 2026-11-19 from 14:00 to 14:30 it also fails 20 requests a second (outcome SERVER_ERROR, fast);
//   its one target is up throughout.
// With a 5m rate window and `for: 5m`, evaluated every minute, LedgerHighErrorRate is pending from 14:01
// (the first evaluation whose window holds a failure), fires from 14:06 and is gone at 14:35 (the first
// evaluation whose window holds none); verify.groovy checks exactly that, within a minute.
import java.time.Duration
import java.time.Instant
import java.util.concurrent.TimeUnit

def END = Instant.parse('2026-11-20T00:00:00Z')
def WINDOW = Duration.ofDays(2)
def SCRAPE = 30L
def BURST = Instant.parse('2026-11-19T14:00:00Z')
def BURST_LENGTH = Duration.ofMinutes(30)
def SERVICE = 'ledger'

def mavenConfig = new File(basedir, '.mvn/maven.config')
mavenConfig.parentFile.mkdirs()

// In the hook's JVM only the outer build's environment is visible: the PROMTOOL_REQUIRED that
// sre-maven-plugin's pom passes to the example's build is not, so CI=true is read here as well.
def required = System.getenv('PROMTOOL_REQUIRED') == 'true' || System.getenv('CI') == 'true'
def onPath = { String name ->
  System.getenv('PATH').split(File.pathSeparator).collect { new File(it, name) }.find { it.isFile() && it.canExecute() }
}
def promtool = onPath('promtool')
def prometheus = onPath('prometheus')
if (promtool == null || prometheus == null) {
  def missing = [promtool == null ? 'promtool' : null, prometheus == null ? 'prometheus' : null].findAll()
  assert !required : "${missing.join(' and ')} not installed (apt-get install -y prometheus) and CI=true"
  println "SKIPPED verify-local: ${missing.join(' and ')} not installed (apt-get install -y prometheus)"
  mavenConfig.text = '-Dsre.skip=true\n'
  new File(basedir, 'prometheus.skipped').text = "${missing.join(' and ')} not installed\n"
  return true
}

// 1. The history as OpenMetrics text: one family after another, each series with all its samples.
def work = new File(basedir, 'prometheus')
def data = new File(work, 'data')
data.mkdirs()
def historyFile = new File(work, 'history.om')
long first = END.minus(WINDOW).minus(Duration.ofHours(1)).epochSecond
long last = END.epochSecond
long burstFrom = BURST.epochSecond
long burstTo = BURST.plus(BURST_LENGTH).epochSecond
def successes = { long t -> 10.0d }
def failures = { long t -> t >= burstFrom && t < burstTo ? 20.0d : 0.0d }
// [outcome, rate per second, share at most each bound]
def outcomes = [['SUCCESS', successes, ['0.1': 0.5d, '0.3': 1.0d, '1.0': 1.0d, '+Inf': 1.0d]],
                ['SERVER_ERROR', failures, ['0.1': 1.0d, '0.3': 1.0d, '1.0': 1.0d, '+Inf': 1.0d]]]
// A counter increases by rate(t) * scrape from the scrape at t to the next one, from 0 at the first scrape.
def counter = { Writer out, String series, Closure<Double> rate ->
  double total = 0
  for (long t = first; t <= last; t += SCRAPE) {
    out.write("${series} ${total == Math.rint(total) ? (long) total : total} ${t}\n")
    total += rate(t) * SCRAPE
  }
}
historyFile.withWriter('UTF-8') { out ->
  // 'unknown', not 'counter': an OpenMetrics counter's samples would have to end in _total.
  out.write('# TYPE http_server_requests_seconds_bucket unknown\n')
  outcomes.each { outcome, rate, shares ->
    shares.each { le, share ->
      counter(out, "http_server_requests_seconds_bucket{job=\"${SERVICE}\",le=\"${le}\",outcome=\"${outcome}\",uri=\"/x\"}",
          { long t -> rate(t) * share })
    }
  }
  out.write('# TYPE http_server_requests_seconds_count unknown\n')
  outcomes.each { outcome, rate, shares ->
    counter(out, "http_server_requests_seconds_count{job=\"${SERVICE}\",outcome=\"${outcome}\",uri=\"/x\"}", rate)
  }
  // Prometheus writes up for each target it scrapes; the missing-data alert LedgerTargetsDown reads it.
  out.write('# TYPE up gauge\n')
  for (long t = first; t <= last; t += SCRAPE) {
    out.write("up{job=\"${SERVICE}\",instance=\"ledger:8080\"} 1 ${t}\n")
  }
  out.write('# EOF\n')
}

def run = { List<String> command, File log ->
  def process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start()
  assert process.waitFor(120, TimeUnit.SECONDS) : "${command[0]} did not finish in 120 s"
  assert process.exitValue() == 0 : "${command.join(' ')} failed:\n${log.text}"
}

// 2. TSDB blocks. Without --max-block-duration (hidden in promtool 2.42) every 2 h would be a block.
long started = System.nanoTime()
run([promtool.path, 'tsdb', 'create-blocks-from', 'openmetrics', '--max-block-duration=486h', '--quiet',
     historyFile.path, data.path], new File(work, 'promtool.log'))
println "verify-local: ${historyFile.length() >> 10} KiB of history turned into blocks in ${(System.nanoTime() - started).intdiv(1_000_000)} ms"

// 3. Prometheus on the blocks, no scrape target, on a free loopback port (retried if taken meanwhile).
def config = new File(work, 'prometheus.yml')
config.text = 'global:\n  evaluation_interval: 1m\nscrape_configs: []\n'
def log = new File(work, 'prometheus.log')
def timeout = onPath('timeout')
Process process = null
int port = 0
for (int attempt = 1; attempt <= 3 && process == null; attempt++) {
  port = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()).withCloseable { it.localPort }
  // timeout(1) is the last guard: Prometheus ends after 10 minutes even if nothing else stops it.
  def command = (timeout == null ? [] : [timeout.path, '600']) + [prometheus.path,
      "--config.file=${config.path}".toString(),
      "--storage.tsdb.path=${data.path}".toString(),
      // Time retention counts back from the newest block; the designed history must never go.
      '--storage.tsdb.retention.time=3650d',
      "--web.listen-address=127.0.0.1:${port}".toString()]
  def candidate = new ProcessBuilder(command).redirectErrorStream(true)
      .redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start()
  def stop = new Thread({ candidate.descendants().forEach { it.destroyForcibly() }; candidate.destroyForcibly() },
      'stop-verify-local-prometheus')
  Runtime.runtime.addShutdownHook(stop)
  long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60)
  boolean ready = false
  while (!ready && candidate.alive && System.nanoTime() < deadline) {
    try {
      def connection = URI.create("http://127.0.0.1:${port}/-/ready").toURL().openConnection()
      connection.connectTimeout = 1000
      connection.readTimeout = 2000
      // The body tells Prometheus from another server that took the port.
      ready = connection.responseCode == 200 && connection.inputStream.text.startsWith('Prometheus')
    } catch (IOException notYet) {
      // not listening yet, or not ready (503)
    }
    if (!ready) {
      Thread.sleep(100)
    }
  }
  if (ready) {
    process = candidate
  } else {
    candidate.descendants().forEach { it.destroyForcibly() }
    candidate.destroyForcibly()
    candidate.waitFor(10, TimeUnit.SECONDS)
    if (!log.text.contains('address already in use')) {
      throw new IllegalStateException("prometheus did not get ready in 60 s; its log ends:\n"
          + log.readLines().takeRight(30).join('\n'))
    }
  }
}
assert process != null : "prometheus found no free port in 3 attempts; its log ends:\n${log.readLines().takeRight(30).join('\n')}"
new File(basedir, 'prometheus.pid').text = "${process.pid()}\n"
println "verify-local: Prometheus ready on http://127.0.0.1:${port} (pid ${process.pid()}) after ${(System.nanoTime() - started).intdiv(1_000_000)} ms"

// 4. The build reads .mvn/maven.config at startup: one argument per line (Maven 3.9 reads it so; 3.8 splits on
// any whitespace).
mavenConfig.text = ["-Dsre.prometheusUrl=http://127.0.0.1:${port}", "-Dsre.backtestEnd=${END}",
                    '-Dsre.backtestWindow=2d'].join('\n') + '\n'
return true
