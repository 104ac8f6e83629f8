package dev.sredsl.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's sample plan is what sre:diff writes for the change it describes, PromQL cut. */
class ReadmeSamplePlanTest {

  @Test
  void theReadmeShowsTheRealPlan() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    int intro = readme.indexOf("A sample plan (");
    assertTrue(intro > 0, "the README has no sample plan");
    int start = readme.indexOf("```markdown\n", intro) + "```markdown\n".length();
    int end = readme.indexOf("\n```\n", start);
    String sample = readme.substring(start, end + 1);

    PlanFixtures.Knobs after = PlanFixtures.BASE.with(k -> {
      k.errorThreshold(0.1);
      k.errorFor("5m");
      k.slowAlert(false);
      k.availability(99.5);
      k.runbookStep(true);
      k.extra(s -> s.acknowledgeRisk("CheckoutSlow", "Replaced by the latency SLO."));
    });
    String plan = PlanFixtures.markdown(PlanFixtures.BASE, after);
    int details = plan.indexOf("</summary>\n") + "</summary>\n".length();
    String cut = plan.substring(0, details) + "...\n</details>\n";
    assertEquals(cut, sample);
  }
}
