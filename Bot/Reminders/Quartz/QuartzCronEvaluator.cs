using Quartz;
using OrganBot.Dialogs.Reminders;

namespace OrganBot.Bot.Reminders.Quartz;

/// <summary>Quartz's cron dialect (seconds first; L, W and # supported) behind the Dialogs port.</summary>
internal sealed class QuartzCronEvaluator : ICronEvaluator
{
    public string? Validate(string expression)
    {
        if (string.IsNullOrWhiteSpace(expression) || expression.Length > 120) return "empty or too long";
        return CronExpression.TryParse(expression, out _) ? null : "not a Quartz cron expression";
    }

    public DateTimeOffset? NextAfter(string expression, DateTimeOffset afterUtc, TimeZoneInfo zone) =>
        new CronExpression(expression, zone).GetNextValidTimeAfter(afterUtc);
}
