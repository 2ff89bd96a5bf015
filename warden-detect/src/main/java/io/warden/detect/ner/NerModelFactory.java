package io.warden.detect.ner;

import java.util.Map;

/** Creates a {@link NerModel} from the options a policy gives it (e.g. {@code path} to the model files). */
@FunctionalInterface
public interface NerModelFactory {
    /**
     * @param options model-specific settings, never null
     * @throws IllegalArgumentException if the options are wrong (missing path, unreadable model)
     */
    NerModel create(Map<String, String> options);
}
