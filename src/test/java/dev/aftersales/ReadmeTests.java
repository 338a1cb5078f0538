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

/** The README's state diagram shows exactly the claim statuses the code has. */
class ReadmeTests {

    @Test
    void theStateDiagramNamesEveryClaimStatusAndNoOther() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("stateDiagram-v2");
        int end = readme.indexOf("```", start);
        assertThat(start).as("README has a mermaid state diagram").isPositive();
        String diagram = readme.substring(start, end);
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
