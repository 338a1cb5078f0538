package dev.aftersales;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.aftersales.claims.ClaimStatus;

/** The lifecycle page's state diagram shows exactly the claim statuses the code has. */
class ReadmeTests {

    @Test
    void theLifecycleStateDiagramNamesEveryClaimStatusAndNoOther() throws IOException {
        String page = Files.readString(Path.of("docs/lifecycle.md"));
        int start = page.indexOf("stateDiagram-v2");
        assertThat(start).as("docs/lifecycle.md has a mermaid state diagram").isPositive();
        String diagram = page.substring(start, page.indexOf("```", start));
        Set<String> inDiagram = new TreeSet<>();
        Matcher transition = Pattern.compile("^\\s*(\\S+)\\s*-->\\s*([^:\\s]+)", Pattern.MULTILINE).matcher(diagram);
        while (transition.find()) {
            inDiagram.add(transition.group(1));
            inDiagram.add(transition.group(2));
        }
        inDiagram.remove("[*]");
        Set<String> inCode = Arrays.stream(ClaimStatus.values()).map(Enum::name)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(inDiagram).isEqualTo(inCode);
    }
}
