package dev.convene.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** README's properties blocks mean what they say when copied: .properties has no comments at the end of a line. */
class ReadmePropertiesIT {
    static final Pattern BLOCK = Pattern.compile("(?s)```properties\n(.*?)```");

    @Test
    void everyValueInReadmesPropertiesBlocksIsJustTheValue() throws Exception {
        String readme = Files.readString(Path.of(System.getProperty("convene.readme", "../README.md")));
        Matcher m = BLOCK.matcher(readme);
        List<Properties> blocks = new ArrayList<>();
        while (m.find()) {
            Properties p = new Properties();
            p.load(new StringReader(m.group(1)));
            blocks.add(p);
        }
        assertThat(blocks).as("README's properties blocks").hasSizeGreaterThanOrEqualTo(2);
        for (Properties p : blocks) {
            for (String key : p.stringPropertyNames()) {
                assertThat(p.getProperty(key)).as(key + " as a .properties file reads it").doesNotContain("#");
            }
        }
        Properties configuring = blocks.get(0);
        assertThat(configuring.getProperty("convene.http.max-requests-per-host")).isEqualTo("64");
        assertThat(configuring.getProperty("convene.http.connect-timeout")).isEqualTo("PT10S");
        assertThat(configuring.getProperty("convene.provider")).isEqualTo("zoom");
    }
}
