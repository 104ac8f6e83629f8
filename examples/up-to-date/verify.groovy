// Run by the sre-maven-plugin build (maven-invoker-plugin) after the four builds of invoker.properties.
import java.nio.file.Files

def log = new File(basedir, 'build.log').text
def outcomes = log.readLines().findAll { it.contains('] Generated ') || it.contains('] Output is up to date') }
assert outcomes.size() == 4 : "expected one outcome per build:\n${outcomes.join('\n')}"

// 1: everything written, and a record of the inputs beside the manifest.
assert outcomes[0].contains('Generated 14 files for 1 services') && outcomes[0].endsWith('(14 written, 0 unchanged, 0 stale removed)')
// 2: nothing changed, nothing done.
assert outcomes[1] ==~ /\[INFO\] Output is up to date \(14 files in .*target.sre\); nothing to generate/ : outcomes[1]
// 3: another runbook URL: the rules, tests and runbook links change.
assert log.contains('Generating: the classes, classpath, settings, templates or plugin changed since the last generation')
assert outcomes[2].contains('Generated 14 files for 1 services') && !outcomes[2].contains('(0 written') : outcomes[2]
// 4: forced, with the same inputs: generated again, nothing differs.
assert log.contains('Generating: sre.force=true')
assert outcomes[3].endsWith('(0 written, 14 unchanged, 0 stale removed)') : outcomes[3]

// Build 2 left every file as build 1 wrote it, the manifest and the record included.
def tree(File root) {
  def files = new TreeMap<String, byte[]>()
  root.eachFileRecurse(groovy.io.FileType.FILES) { f ->
    files[root.toPath().relativize(f.toPath()).toString()] = Files.readAllBytes(f.toPath())
  }
  files
}
def before = tree(new File(basedir, 'target/sre-before-build-2'))
def after = tree(new File(basedir, 'target/sre-after-build-2'))
assert before.keySet().containsAll(['.sre-manifest', '.sre-inputs', 'prometheus/inventory.rules.yml'])
assert before.keySet() == after.keySet()
before.each { path, bytes -> assert Arrays.equals(bytes, after[path]) : "build 2 changed ${path}" }

def rules = new File(basedir, 'target/sre/prometheus/inventory.rules.yml').text
assert rules.contains('runbook_url: https://docs.example.com/runbooks/inventory.md#inventoryfailing')
return true
