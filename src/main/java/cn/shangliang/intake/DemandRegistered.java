package cn.shangliang.intake;

/**
 * A demand was registered. Published inside the registering transaction: whoever starts the matter's
 * process listens synchronously, so demand, route and process commit or roll back together.
 */
public record DemandRegistered(long demandId, String trackingCode) {}
