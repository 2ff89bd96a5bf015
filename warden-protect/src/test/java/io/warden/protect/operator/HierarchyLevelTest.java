package io.warden.protect.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.warden.core.ErrorCode;
import io.warden.core.WardenException;
import io.warden.core.policy.OperatorSpec;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HierarchyLevelTest {
    private static final Path ADULT = Path.of("../shared/data/adult");
    private final OperatorFactory factory = OperatorFactory.unkeyed(ADULT);

    private Operator level(int level) {
        return factory.apply(new OperatorSpec("generalize",
                Map.of("hierarchy", "adult_hierarchy_age.csv", "level", level)));
    }

    @Test
    void generalize_withArxHierarchy_givesTheAncestorAtTheLevel() {
        Operator.Target t = Operator.Target.cell("age");
        assertThat(level(0).apply("39", t)).isEqualTo("39");
        assertThat(level(1).apply("39", t)).isEqualTo("35-39");
        assertThat(level(2).apply("39", t)).isEqualTo("30-39");
        assertThat(level(3).apply("39", t)).isEqualTo("20-39");
        assertThat(level(4).apply("39", t)).isEqualTo("*");
    }

    @Test
    void generalize_valueMissingFromHierarchy_failsNamingTheFieldNotTheValue() {
        assertThatThrownBy(() -> level(1).apply("412", Operator.Target.cell("age")))
                .isInstanceOf(WardenException.class)
                .satisfies(e -> assertThat(((WardenException) e).code()).isEqualTo(ErrorCode.INVALID_POLICY))
                .hasMessageContaining("field 'age'").hasMessageNotContaining("412");
    }

    @Test
    void generalize_levelOutOfRangeOrMissing_isAPolicyError() {
        assertThatThrownBy(() -> level(9)).hasMessageContaining("level must be between 0 and 4");
        assertThatThrownBy(() -> factory.apply(new OperatorSpec("generalize", Map.of("hierarchy", "adult_hierarchy_age.csv"))))
                .hasMessageContaining("hierarchy needs a level");
        assertThatThrownBy(() -> factory.apply(new OperatorSpec("generalize", Map.of("hierarchy", "nope.csv", "level", 1))))
                .isInstanceOf(WardenException.class);
    }
}
