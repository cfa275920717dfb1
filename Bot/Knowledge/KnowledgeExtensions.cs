using Microsoft.Extensions.Options;
using OrganBot.Dialogs.Conversation;
using OrganBot.Dialogs.Knowledge;

namespace OrganBot.Bot.Knowledge;

internal static class KnowledgeExtensions
{
    /// <summary>
    /// The speech Q&amp;A: index built at start from seeds/speech.txt, free-text answers, 讲话要点/问答统计 and card
    /// buttons, vote storage, and Azure OpenAI answers when <c>Knowledge:AzureOpenAI</c> is configured.
    /// </summary>
    public static IHostApplicationBuilder AddKnowledge(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<KnowledgeOptions>().BindConfiguration(KnowledgeOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(sp => KnowledgeLoader.Load(sp.GetRequiredService<IOptions<KnowledgeOptions>>().Value.SpeechPath));
        builder.Services.AddSingleton<AnswerPresenter>();
        builder.Services.AddHostedService<KnowledgeWarmup>();
        builder.Services.AddScoped<SpeechQuestionAnswerer>();
        builder.Services.AddScoped<IQuestionAnswerer>(sp => sp.GetRequiredService<SpeechQuestionAnswerer>());
        builder.Services.AddScoped<IFeature, KnowledgeFeature>();
        builder.Services.AddScoped<IAnswerVoteStore, EfAnswerVoteStore>();

        var azure = builder.Configuration.GetSection(KnowledgeOptions.SectionName).Get<KnowledgeOptions>()?.AzureOpenAI;
        if (azure?.IsConfigured == true)
        {
            builder.Services.AddHttpClient(nameof(AzureOpenAIAnswerGenerator));
            builder.Services.AddSingleton<IAnswerGenerator, AzureOpenAIAnswerGenerator>();
        }

        return builder;
    }
}
