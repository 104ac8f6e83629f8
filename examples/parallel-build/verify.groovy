// The parallel build (-T 2, target/sre) and the serial one (target/sre-serial) wrote the same files,
// byte for byte, in every module.
import java.nio.file.Files

def log = new File(basedir, 'build.log').text
assert log.contains('Using the MultiThreadedBuilder') : 'the first build did not run in parallel'
assert !log.contains('not marked as @threadSafe')

def tree(File root) {
  def files = new TreeMap<String, byte[]>()
  root.eachFileRecurse(groovy.io.FileType.FILES) { f ->
    def relative = root.toPath().relativize(f.toPath()).toString()
    files[relative] = Files.readAllBytes(f.toPath())
  }
  files
}

['orders', 'payments', 'shipping'].each { module ->
  def parallel = tree(new File(basedir, "$module/target/sre"))
  def serial = tree(new File(basedir, "$module/target/sre-serial"))
  assert parallel.size() > 10 : "$module: only ${parallel.keySet()}"
  assert parallel.keySet() == serial.keySet() : "$module: ${parallel.keySet()} vs ${serial.keySet()}"
  parallel.each { path, bytes ->
    assert Arrays.equals(bytes, serial[path]) : "$module/$path differs between the parallel and the serial build"
  }
  assert parallel.containsKey("prometheus/${module}.rules.yml".toString())
}
return true
