using Microsoft.Extensions.Options;
using OrganBot.Dialogs.Conversation;
using OrganBot.Dialogs.Knowledge;

namespace OrganBot.Bot.Knowledge;

internal static class KnowledgeExtensions
{
    /// <summary>
    /// The speech Q&amp;A: index built at start from seeds/speech.txt with the filtered dictionaries and the phrasings
    /// admins linked, free-text answers, 讲话要点/问答统计/问答待办 and card buttons, vote, to-do and question-count storage, and a chat
    /// model (Azure OpenAI or OpenAI-compatible) when <c>Knowledge:AzureOpenAI</c> is configured.
    /// </summary>
    public static IHostApplicationBuilder AddKnowledge(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<KnowledgeOptions>().BindConfiguration(KnowledgeOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => o.AzureOpenAI.Provider is AzureOpenAIOptions.Azure or AzureOpenAIOptions.OpenAICompatible,
                "Knowledge:AzureOpenAI:Provider must be Azure or OpenAICompatible.")
            .Validate(o => o.AzureOpenAI.TimeoutSeconds is >= 0.1 and <= 60, "Knowledge:AzureOpenAI:TimeoutSeconds must be between 0.1 and 60.")
            .ValidateOnStart();
        builder.Services.AddSingleton(sp => KnowledgeLoader.Load(sp.GetRequiredService<IOptions<KnowledgeOptions>>().Value.SpeechPath));
        builder.Services.AddSingleton(sp => new KnowledgeSettings(sp.GetRequiredService<IOptions<KnowledgeOptions>>().Value.OfficeContact));
        builder.Services.AddSingleton<AnswerPresenter>();
        builder.Services.AddSingleton<AnswerCardCache>();
        builder.Services.AddHostedService<KnowledgeWarmup>();
        builder.Services.AddScoped<SpeechQuestionAnswerer>();
        builder.Services.AddScoped<IQuestionAnswerer>(sp => sp.GetRequiredService<SpeechQuestionAnswerer>());
        builder.Services.AddScoped<QaQueueResolver>();
        builder.Services.AddFeature<KnowledgeFeature>(KnowledgeCommands.Feature);
        builder.Services.AddScoped<IAnswerVoteStore, EfAnswerVoteStore>();
        builder.Services.AddScoped<IQaQueueStore, EfQaQueueStore>();
        builder.Services.AddSingleton<QuestionTally>();
        builder.Services.AddSingleton<IQuestionTally>(sp => sp.GetRequiredService<QuestionTally>());
        builder.Services.AddHostedService(sp => sp.GetRequiredService<QuestionTally>());
        builder.Services.AddScoped<QaStatistics>();

        var model = builder.Configuration.GetSection(KnowledgeOptions.SectionName).Get<KnowledgeOptions>()?.AzureOpenAI;
        if (model?.IsConfigured == true) AddChatModel(builder.Services);
        return builder;
    }

    /// <summary>
    /// A method of its own, so compiling <see cref="AddKnowledge"/> does not load the OpenAI client assemblies into
    /// a bot that has no model configured (a few MB of its memory).
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void AddChatModel(IServiceCollection services)
    {
        services.AddHttpClient(nameof(OpenAIChatModel));
        services.AddSingleton<OpenAIChatModel>();
        services.AddSingleton<IAnswerGenerator>(sp => sp.GetRequiredService<OpenAIChatModel>());
        services.AddSingleton<IQuestionRewriter>(sp => sp.GetRequiredService<OpenAIChatModel>());
    }
}
