package dev.convene.provider.wecom.internal;

import org.mapstruct.MapperConfig;
import org.mapstruct.ReportingPolicy;

/** Shared by every WeCom mapper: a DTO or Session field nobody maps is a build error, not a silent drop. */
@MapperConfig(unmappedTargetPolicy = ReportingPolicy.ERROR, uses = WireValues.class)
interface WeComMapping {
}
