namespace BudgetActors.Grains.Approval;

/// <summary>
/// When an approver's daily summary goes out: at the company's local digest time, once per local day.
/// Computed in the company's time zone every time, so a daylight-saving change moves the UTC instant,
/// not the local one.
/// </summary>
internal static class DigestSchedule
{
    /// <summary>The first digest instant strictly after <paramref name="now"/>.</summary>
    public static DateTimeOffset NextAfter(DateTimeOffset now, TimeZoneInfo zone, TimeOnly digestTime)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var day = DateOnly.FromDateTime(local.DateTime);
        var candidate = At(day, zone, digestTime);
        return candidate > now ? candidate : At(day.AddDays(1), zone, digestTime);
    }

    /// <summary>
    /// The local day of the latest digest time at or before <paramref name="now"/>: the day a digest sent now
    /// is for. Before today's digest time that is yesterday, so a digest held up past midnight still counts.
    /// </summary>
    public static DateOnly LatestDueDay(DateTimeOffset now, TimeZoneInfo zone, TimeOnly digestTime)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var day = DateOnly.FromDateTime(local.DateTime);
        return now >= At(day, zone, digestTime) ? day : day.AddDays(-1);
    }

    /// <summary>
    /// The instant of <paramref name="digestTime"/> on local <paramref name="day"/>. A time skipped by a
    /// spring-forward change is taken as the first minute after the gap; a repeated one, as its first occurrence.
    /// </summary>
    /// <summary>When the summary of local <paramref name="day"/> is due.</summary>
    public static DateTimeOffset DueAt(DateOnly day, TimeZoneInfo zone, TimeOnly digestTime) => At(day, zone, digestTime);

    private static DateTimeOffset At(DateOnly day, TimeZoneInfo zone, TimeOnly digestTime)
    {
        var local = day.ToDateTime(digestTime, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }
}
