package dev.convene.provider.wecom;

import java.util.List;

/**
 * The page of an {@link LivingType#ACTIVITY activity} living: its text and up to five images, given as
 * WeCom media ids.
 */
public record ActivityDetail(String description, List<String> imageMediaIds) {
    public ActivityDetail {
        imageMediaIds = imageMediaIds == null ? List.of() : List.copyOf(imageMediaIds);
    }
}
