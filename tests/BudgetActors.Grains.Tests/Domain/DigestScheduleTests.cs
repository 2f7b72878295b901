using BudgetActors.Grains.Approval;

namespace BudgetActors.Grains.Tests;

public sealed class DigestScheduleTests
{
    private static readonly TimeZoneInfo s_chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");
    private static readonly TimeOnly s_seven = new(7, 0);

    [Fact]
    public void The_next_digest_is_today_at_the_digest_time_or_tomorrow_once_it_has_passed()
    {
        var mondayNight = new DateTimeOffset(2026, 3, 2, 5, 0, 0, TimeSpan.FromHours(-6)); // 05:00 CST

        Assert.Equal(new DateTimeOffset(2026, 3, 2, 7, 0, 0, TimeSpan.FromHours(-6)), DigestSchedule.NextAfter(mondayNight, s_chicago, s_seven));
        Assert.Equal(new DateTimeOffset(2026, 3, 3, 7, 0, 0, TimeSpan.FromHours(-6)), DigestSchedule.NextAfter(mondayNight.AddHours(2), s_chicago, s_seven));
    }

    [Fact]
    public void Across_the_spring_change_the_digest_stays_at_local_seven_and_moves_an_hour_in_utc()
    {
        var saturday = new DateTimeOffset(2026, 3, 7, 13, 0, 0, TimeSpan.Zero); // 07:00 CST

        var sunday = DigestSchedule.NextAfter(saturday, s_chicago, s_seven);
        var monday = DigestSchedule.NextAfter(sunday, s_chicago, s_seven);

        Assert.Equal(new DateTimeOffset(2026, 3, 8, 12, 0, 0, TimeSpan.Zero), sunday); // 07:00 CDT
        Assert.Equal(new DateTimeOffset(2026, 3, 9, 12, 0, 0, TimeSpan.Zero), monday);
    }

    [Fact]
    public void Across_the_autumn_change_the_digest_stays_at_local_seven()
    {
        var saturday = new DateTimeOffset(2026, 10, 31, 12, 0, 0, TimeSpan.Zero); // 07:00 CDT

        Assert.Equal(new DateTimeOffset(2026, 11, 1, 13, 0, 0, TimeSpan.Zero), DigestSchedule.NextAfter(saturday, s_chicago, s_seven)); // 07:00 CST
    }

    [Fact]
    public void A_digest_time_inside_the_skipped_hour_goes_out_just_after_it()
    {
        var saturday = new DateTimeOffset(2026, 3, 7, 12, 0, 0, TimeSpan.Zero);

        var sunday = DigestSchedule.NextAfter(saturday, s_chicago, new TimeOnly(2, 30));

        Assert.Equal(new DateTimeOffset(2026, 3, 8, 3, 0, 0, TimeSpan.FromHours(-5)), sunday);
    }

    [Fact]
    public void The_day_a_digest_is_for_is_the_day_of_the_latest_digest_time_passed()
    {
        var before = new DateTimeOffset(2026, 3, 3, 12, 59, 0, TimeSpan.Zero); // 06:59 CST
        var lateAtNight = new DateTimeOffset(2026, 3, 4, 5, 0, 0, TimeSpan.Zero); // 23:00 CST on the 3rd

        Assert.Equal(new DateOnly(2026, 3, 2), DigestSchedule.LatestDueDay(before, s_chicago, s_seven));
        Assert.Equal(new DateOnly(2026, 3, 3), DigestSchedule.LatestDueDay(before.AddMinutes(1), s_chicago, s_seven));
        Assert.Equal(new DateOnly(2026, 3, 3), DigestSchedule.LatestDueDay(lateAtNight, s_chicago, s_seven));
    }
}
