using Microsoft.Extensions.Options;
using OrganBot.Bot.Auth;
using OrganBot.Bot.Protocol;
using OrganBot.Bot.Storage;
using OrganBot.Bot.Turns;
using OrganBot.Dialogs.Delivery;

namespace OrganBot.Bot.Delivery;

internal static class DeliveryExtensions
{
    /// <summary>Name of the connector HttpClient used by the pipeline: auth and a per-attempt timeout, no retry handler.</summary>
    public const string HttpClientName = "OrganBot.Delivery";

    /// <summary>The outbound delivery pipeline: outbox table, pacer and worker (<c>Delivery:*</c>).</summary>
    public static IHostApplicationBuilder AddDelivery(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DeliveryOptions>().BindConfiguration(DeliveryOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => o.ConversationLimits.All(l => TryParse(l)), "Delivery:ConversationLimits entries must look like \"7/1\" (count/seconds).")
            .ValidateOnStart();

        // The interactive ConnectorClient retries 429/5xx itself; the pipeline must see every answer to pace and retry
        // by its own rules, so it gets a client with only auth and an attempt timeout.
        builder.Services.AddHttpClient(HttpClientName)
            .ConfigureHttpClient((sp, http) => http.Timeout = sp.GetRequiredService<IOptions<DeliveryOptions>>().Value.AttemptTimeout)
            .AddHttpMessageHandler<ConnectorAuthHandler>();
        builder.Services.AddKeyedTransient(HttpClientName, (sp, _) =>
            new ConnectorClient(sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName), sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddKeyedScoped(HttpClientName, (sp, key) => new ProactiveMessenger(
            sp.GetRequiredService<BotDbContext>(), sp.GetRequiredKeyedService<ConnectorClient>(key), sp.GetRequiredService<ILogger<ProactiveMessenger>>()));

        // Pacing keeps to Teams' limits in real elapsed time, so it reads the wall clock even where the app's
        // TimeProvider is faked (reminder tests move business time forward without waiting).
        builder.Services.AddSingleton(sp => new DeliveryPacer(sp.GetRequiredService<IOptions<DeliveryOptions>>(), TimeProvider.System));
        builder.Services.AddSingleton<DeliverySignal>();
        builder.Services.AddSingleton<DeliveryCompletionWriter>();
        builder.Services.AddSingleton<DeliverySender>();
        builder.Services.AddScoped<DeliveryStore>();
        builder.Services.AddScoped<DeliveryQueue>();
        builder.Services.AddScoped<IDeliveryQueue>(sp => sp.GetRequiredService<DeliveryQueue>());
        builder.Services.AddScoped<IDeliveryBatchControl>(sp => sp.GetRequiredService<DeliveryQueue>());
        if (builder.Configuration.GetValue($"{DeliveryOptions.SectionName}:{nameof(DeliveryOptions.WorkerEnabled)}", true))
        {
            // Heartbeat first: its first beat (the share, a joiner's hold) comes before the worker's first claim, and it
            // stops after the worker, so this instance's share is handed back only once its calls are answered.
            builder.Services.AddSingleton<DeliveryInstances>();
            builder.Services.AddHostedService<DeliveryHeartbeat>();
            builder.Services.AddHostedService<DeliveryWorker>();
            builder.Services.AddHostedService<DeliveryNotifications>();
            builder.Services.AddHostedService<DeliveryCleanup>();
        }

        return builder;
    }

    private static bool TryParse(string limit)
    {
        try
        {
            DeliveryPacer.ParseLimit(limit);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
