//! Reply templates, the rules that choose them and the check of a draft.

use proptest::prelude::*;
use social_crm::reply::{
    advise, check_reply, DraftContext, Guidance, ReplyContext, ReplyRule, Situation, Template,
    Templates, Vars,
};
use social_crm::sentiment::Analyzer;
use social_crm::{Agent, ErrorKind, Language, Potentials, Visibility};

fn vars() -> Vars {
    Vars::new()
        .set("customer.first_name", "Léa")
        .set("agent.name", "Eric Dupont")
        .set("due", "18:30")
}

#[test]
fn every_situation_has_a_template_in_each_language_signed_by_the_agent() {
    let templates = Templates::builtin();
    for language in [Language::FRENCH, Language::ENGLISH, Language::SPANISH] {
        for &situation in Situation::ALL {
            let t = templates
                .get(situation, language)
                .unwrap_or_else(|| panic!("{situation}/{language}"));
            let text = t.render(&vars()).unwrap();
            assert!(text.ends_with("— Eric Dupont"), "{text}");
            assert!(!text.contains('{'), "{text}");
            let detected = social_crm::sentiment::detect_language(&text).unwrap();
            assert_eq!(detected.language, language, "{text}");
        }
    }
}

#[test]
fn rendering_names_every_missing_variable_and_renders_nothing() {
    let t = Templates::builtin()
        .get(Situation::Angry, Language::FRENCH)
        .unwrap()
        .clone();
    let err = t
        .render(&Vars::new().set("agent.name", "Eric Dupont").set("due", " "))
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "template `angry/fr` needs `{customer.first_name}`, `{due}`"
    );
    match err.kind() {
        ErrorKind::MissingVariables { missing, .. } => {
            assert_eq!(missing, &["customer.first_name", "due"])
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn templates_are_parsed_with_escapes_and_typed_errors() {
    let t = Template::new(
        Situation::Greeting,
        Language::ENGLISH,
        "{{literal}} {name} and {name}",
    )
    .unwrap();
    assert_eq!(t.placeholders(), ["name"]);
    assert_eq!(
        t.render(&Vars::new().set("name", "Ana")).unwrap(),
        "{literal} Ana and Ana"
    );
    for bad in ["{unclosed", "stray }", "{}", "{bad name}"] {
        let err = Template::new(Situation::Greeting, Language::ENGLISH, bad).unwrap_err();
        assert!(
            matches!(err.kind(), ErrorKind::InvalidTemplate { .. }),
            "{bad}"
        );
    }
    // A brand's own wording replaces the built-in one.
    let own = Template::new(
        Situation::Happy,
        Language::FRENCH,
        "Merci {customer.first_name} ! {agent.name}",
    )
    .unwrap();
    let set = Templates::builtin().with(own.clone());
    assert_eq!(set.get(Situation::Happy, Language::FRENCH), Some(&own));
    assert_eq!(set.iter().count(), 21);
}

fn context(text: &str, visibility: Visibility) -> ReplyContext {
    ReplyContext::new(visibility, Analyzer::default().score(text, None))
}

#[test]
fn the_rules_choose_the_situation_and_the_guidance() {
    let angry = advise(&context(
        "Toujours pas reçu ma commande, 3 semaines !!! Honteux, nul.",
        Visibility::Public,
    ));
    assert_eq!(angry.situation, Situation::Angry);
    assert_eq!(angry.language, Language::FRENCH);
    assert_eq!(angry.follow_up, Some(Situation::MovePrivate));
    assert_eq!(
        &angry.guidance[..3],
        [
            Guidance::AnswerPubliclyFirst,
            Guidance::NeverDeleteOrHide,
            Guidance::OfferPrivateChannel
        ]
    );
    assert!(angry.guidance.contains(&Guidance::NeverThreaten));

    let private = advise(&context(
        "My order is a bit late, disappointing",
        Visibility::Private,
    ));
    assert_eq!(private.situation, Situation::Disappointed);
    assert_eq!(private.follow_up, None);
    assert!(!private.guidance.contains(&Guidance::AnswerPubliclyFirst));

    let happy = advise(
        &context("¡Me encanta la nueva cafetera, genial!", Visibility::Public)
            .profiled(Some(Potentials::new(0.3, 0.8, 0.6).unwrap()), Some(72.0)),
    );
    assert_eq!(happy.situation, Situation::Happy);
    assert_eq!(happy.language, Language::SPANISH);
    assert!(happy.guidance.contains(&Guidance::InviteAsAmbassador));

    let question =
        advise(&context("Where can I find the descaling guide?", Visibility::Public).asking(true));
    assert_eq!(question.situation, Situation::Question);

    let crisis = advise(
        &context(
            "Scandaleux, votre réponse à ce client est honteuse",
            Visibility::Public,
        )
        .in_crisis(true)
        .profiled(None, Some(80.0)),
    );
    assert_eq!(crisis.situation, Situation::CrisisHolding);
    assert_eq!(crisis.guidance[0], Guidance::HoldingStatementOnly);
    assert!(crisis.guidance.contains(&Guidance::EscalateToSenior));

    let neutral = advise(&context("Bonjour", Visibility::Public).with_language(Language::FRENCH));
    assert_eq!(neutral.situation, Situation::Greeting);
}

fn eric() -> Agent {
    Agent::new("a1", "Eric Dupont", 6).unwrap()
}

fn rules(draft: &str, visibility: Visibility, language: Language) -> Vec<ReplyRule> {
    check_reply(
        draft,
        &DraftContext::new(&eric(), visibility, Some(language)),
    )
    .iter()
    .map(|i| i.rule)
    .collect()
}

#[test]
fn drafts_that_break_a_rule_are_flagged_with_reasons() {
    use ReplyRule::*;
    let table: &[(&str, Visibility, Language, &[ReplyRule])] = &[
        (
            "Bonjour Léa, je m'en occupe. — Eric Dupont",
            Visibility::Public,
            Language::FRENCH,
            &[],
        ),
        (
            "Hi Jess, I'm on it and will reply by 6pm. — Eric",
            Visibility::Public,
            Language::ENGLISH,
            &[],
        ),
        (
            "Hola Lola, me encargo ahora mismo. — Eric",
            Visibility::Public,
            Language::SPANISH,
            &[],
        ),
        (
            "Hi Léa, I'm looking into your order right now and will reply soon. — Eric",
            Visibility::Public,
            Language::FRENCH,
            &[WrongLanguage],
        ),
        (
            "Si vous continuez, nous allons supprimer votre commentaire. Eric",
            Visibility::Public,
            Language::FRENCH,
            &[DeletionThreat],
        ),
        (
            "Please stop or we will delete your comment. Eric",
            Visibility::Public,
            Language::ENGLISH,
            &[DeletionThreat],
        ),
        (
            "Vamos a borrar tu comentario si sigues así. Eric",
            Visibility::Public,
            Language::SPANISH,
            &[DeletionThreat],
        ),
        (
            "Encore un message et nous allons vous bloquer. Eric",
            Visibility::Public,
            Language::FRENCH,
            &[BlockingThreat],
        ),
        (
            "One more post and we will block you. Eric",
            Visibility::Public,
            Language::ENGLISH,
            &[BlockingThreat],
        ),
        (
            "Te bloquearemos si sigues insultando. Eric",
            Visibility::Public,
            Language::SPANISH,
            &[BlockingThreat],
        ),
        (
            "Nous engagerons des poursuites pour diffamation. Eric",
            Visibility::Public,
            Language::FRENCH,
            &[LegalThreat],
        ),
        (
            "Our lawyers will be in touch about this. Eric",
            Visibility::Public,
            Language::ENGLISH,
            &[LegalThreat],
        ),
        (
            "Emprenderemos acciones legales. Eric",
            Visibility::Public,
            Language::SPANISH,
            &[LegalThreat],
        ),
        (
            "Bonjour Léa, nous revenons vers vous rapidement.",
            Visibility::Public,
            Language::FRENCH,
            &[NoName],
        ),
        (
            "Bonjour Léa, nous revenons vers vous rapidement. Le service client",
            Visibility::Public,
            Language::FRENCH,
            &[NoName, ImpersonalSignature],
        ),
        (
            "Thanks for waiting, we are on it. Customer Service",
            Visibility::Public,
            Language::ENGLISH,
            &[NoName, ImpersonalSignature],
        ),
        (
            "Bonjour Léa, je vous rappelle au 06 12 34 56 78. — Eric",
            Visibility::Public,
            Language::FRENCH,
            &[PersonalDataInPublic],
        ),
        (
            "Bonjour Léa, je vous rappelle au 06 12 34 56 78. — Eric",
            Visibility::Private,
            Language::FRENCH,
            &[],
        ),
        (
            "Hi Jess, I sent the refund to jess.taylor@example.com. Eric",
            Visibility::Public,
            Language::ENGLISH,
            &[PersonalDataInPublic],
        ),
    ];
    for (draft, visibility, language, expected) in table {
        assert_eq!(&rules(draft, *visibility, *language), expected, "{draft}");
    }
    let issues = check_reply(
        "We will delete your comment. Customer Service",
        &DraftContext::new(&eric(), Visibility::Public, Some(Language::ENGLISH)),
    );
    assert!(issues.iter().all(|i| !i.reason.is_empty()));
    assert_eq!(issues[0].span, Some(8..27));
    assert_eq!(
        issues[0].to_string(),
        "deletion-threat: `delete your comment` threatens the customer"
    );
}

proptest! {
    /// Any draft and any template text: no panic, and spans that slice the
    /// draft.
    #[test]
    fn any_draft_or_template(text in "\\PC{0,160}") {
        for issue in check_reply(&text, &DraftContext::new(&eric(), Visibility::Public, Some(Language::FRENCH))) {
            if let Some(span) = issue.span {
                prop_assert!(text.get(span).is_some());
            }
        }
        if let Ok(t) = Template::new(Situation::Greeting, Language::FRENCH, &text) {
            let _ = t.render(&vars());
        }
    }
}
