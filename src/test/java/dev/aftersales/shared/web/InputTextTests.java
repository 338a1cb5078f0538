package dev.aftersales.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InputTextTests {

    @Test
    void removesNulControlAndDirectionCharactersAndKeepsWhatPeopleWrite() {
        assertThat(InputText.clean("a\u0000b\u0001c\u007Fd\u0085e\u202Ef\u2066g")).isEqualTo("abcdefg");
        assertThat(InputText.clean("line one\nline two\r\n\ttabbed 中文 😀 %_'\"<>"))
                .isEqualTo("line one\nline two\r\n\ttabbed 中文 😀 %_'\"<>");
        assertThat(InputText.clean("\u200Fمرحبا\u200E")).as("marks stay in texts").isEqualTo("\u200Fمرحبا\u200E");
        assertThat(InputText.clean(null)).isNull();
    }

    @Test
    void removesUnpairedSurrogatesButKeepsPairs() {
        assertThat(InputText.clean("a\uD800b\uDC00c😀")).isEqualTo("abc😀");
    }

    @Test
    void fileNamesLoseEveryInvisibleCharacterPathsAndQuotes() {
        assertThat(InputText.fileName("C:\\Users\\me\\inv\u202Eoice\u200F\u200E\uFEFF.png")).isEqualTo("invoice.png");
        assertThat(InputText.fileName("../../etc/pa\"ss<w>d;\n.txt")).isEqualTo("passwd.txt");
        assertThat(InputText.fileName("  spaced name.pdf  ")).isEqualTo("spaced name.pdf");
        assertThat(InputText.fileName(null)).isEmpty();
    }
}
