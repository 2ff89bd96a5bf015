package io.warden.detect.ner;

import java.util.List;

/**
 * A named-entity recognition model: the seam through which a user-supplied model (for example an ONNX export
 * of a BERT-style token classifier) takes part in scanning alongside the dictionary recognizers.
 *
 * <p>Implementations must be thread-safe: one instance serves many texts concurrently. They should not log or
 * keep the texts they see. {@link NerRecognizer} adapts a model to the {@link io.warden.detect.Recognizer} SPI.
 */
@FunctionalInterface
public interface NerModel {
    /** Entities found in {@code text}, with char offsets into it; empty if none. */
    List<NerEntity> predict(String text);
}
