//! The care desk's own language, in French, English and Spanish: polite
//! requests that are complaints, agreement in gender and number, refunds,
//! double charges, delays, irony with emoji, and thanks once a problem is
//! solved. Written for this crate (no corpus text).

use proptest::prelude::*;
use social_crm::reply::{advise, ReplyContext, Situation};
use social_crm::sentiment::{Analyzer, Label};
use social_crm::{Language, Visibility};

fn analyzer() -> Analyzer {
    Analyzer::default()
}

/// Scores `text` in `language` and says what the desk would answer.
fn answer(text: &str, language: Language) -> (Label, bool, Situation) {
    let s = analyzer().score(text, Some(language));
    let advice = advise(&ReplyContext::new(Visibility::Public, s));
    (s.label, s.complaint, advice.situation)
}

const FR: Language = Language::FRENCH;
const EN: Language = Language::ENGLISH;
const ES: Language = Language::SPANISH;

#[test]
fn polite_requests_for_money_back_are_complaints() {
    for (text, language) in [
        ("J'ai été débitée deux fois… merci de me rembourser", FR),
        ("merci de me rembourser", FR),
        (
            "Bonjour, merci de bien vouloir me rembourser la commande",
            FR,
        ),
        ("Je souhaiterais être remboursée svp", FR),
        ("Please refund me, I was charged twice", EN),
        ("Thank you in advance for refunding me", EN),
        ("I'd appreciate a refund, the order never arrived", EN),
        ("Por favor devuélvanme el dinero", ES),
        ("Quiero un reembolso, gracias de antemano", ES),
        // A letter's formulas ask as "merci de" does.
        ("Je vous remercie de bien vouloir me rembourser", FR),
        ("Nous vous remercions de nous rembourser", FR),
        ("En vous remerciant de bien vouloir annuler ma commande", FR),
    ] {
        let (label, complaint, situation) = answer(text, language);
        assert_ne!(label, Label::Positive, "{text}");
        assert!(complaint, "{text}");
        assert_eq!(situation, Situation::Disappointed, "{text}");
    }
}

#[test]
fn thanks_for_nothing_is_reproach_in_every_language() {
    for (text, language) in [
        ("Merci pour rien", FR),
        ("Thanks for nothing", EN),
        ("Gracias por nada", ES),
        ("Me han cobrado dos veces, gracias por nada", ES),
    ] {
        let (label, complaint, _) = answer(text, language);
        assert_eq!(label, Label::Negative, "{text}");
        assert!(complaint, "{text}");
    }
}

#[test]
fn feminine_and_plural_forms_complain_as_the_masculine_does() {
    for text in [
        "J'ai été débité deux fois",
        "J'ai été débitée deux fois",
        "Nous avons été débités deux fois",
        "Elles ont été prélevées deux fois",
        "J'ai été facturée deux fois",
        "Commandes facturées en double",
        "Commandes facturées mais jamais livrées",
        "Ma commande toujours pas reçue",
        "Je veux être remboursée",
        "Nous voulons être remboursés",
    ] {
        let s = analyzer().score(text, Some(FR));
        assert_eq!(s.label, Label::Negative, "{text}: {s}");
        assert!(s.complaint, "{text}");
    }
    for text in [
        "Me han cobrado dos veces",
        "La factura fue cobrada dos veces",
        "Nos cobraron 2 veces",
        "El pedido nunca llegó",
    ] {
        let s = analyzer().score(text, Some(ES));
        assert_eq!(s.label, Label::Negative, "{text}: {s}");
    }
}

#[test]
fn double_charges_and_delays_complain() {
    for (text, language) in [
        ("Prélevé en double ce mois-ci", FR),
        ("Colis toujours pas arrivé après trois semaines", FR),
        ("I was billed twice for one order", EN),
        ("My parcel never arrived", EN),
        ("Me cobraron dos veces el mismo pedido", ES),
        ("Mi pedido todavía no ha llegado", ES),
        // Still waiting, and cannot: the same classes in each language.
        ("J'attends toujours mon avoir, merci", FR),
        ("Elle attend toujours son colis", FR),
        ("Impossible de me connecter à mon compte", FR),
        ("Customer service has been unreachable for a week", EN),
        ("Nunca recibí mi pedido", ES),
        ("Me enviaron la talla equivocada", ES),
        ("I still haven't got my refund", EN),
        // What does not work, or came incomplete.
        ("Le produit ne fonctionne pas", FR),
        ("The product doesn't work", EN),
        ("El producto no funciona", ES),
        ("La commande est arrivée incomplète", FR),
    ] {
        let (label, complaint, situation) = answer(text, language);
        assert_eq!(label, Label::Negative, "{text}");
        assert!(complaint, "{text}");
        assert_ne!(situation, Situation::Happy, "{text}");
    }
}

#[test]
fn praise_with_an_ironic_emoji_is_reproach() {
    for (text, language) in [
        ("Super, 3 semaines d'attente 🙃", FR),
        ("Génial, encore un retard 🙄", FR),
        ("Great, another delay 🙄", EN),
        ("Perfect timing as always 🙃", EN),
        ("Genial, otra vez sin pedido 🙃", ES),
    ] {
        let (label, complaint, situation) = answer(text, language);
        assert_eq!(label, Label::Negative, "{text}");
        assert!(complaint, "{text}");
        assert_ne!(situation, Situation::Happy, "{text}");
    }
}

#[test]
fn thanks_after_a_solved_problem_are_thanks() {
    for (text, language) in [
        ("Merci beaucoup, problème réglé !", FR),
        ("J'ai été remboursée, merci !", FR),
        ("Merci de votre aide, super service", FR),
        ("Thanks, all sorted now 👍", EN),
        ("Got refunded today, thanks!", EN),
        ("Gracias, ya está solucionado", ES),
        ("Me han reembolsado, gracias", ES),
        // Thanks for what was done: a past infinitive, not a request.
        ("Merci de m'avoir répondu si vite", FR),
        ("Merci d'avoir réglé le problème", FR),
        ("Je vous remercie de votre réponse rapide", FR),
    ] {
        let (label, complaint, situation) = answer(text, language);
        assert_eq!(label, Label::Positive, "{text}");
        assert!(!complaint, "{text}");
        assert_eq!(situation, Situation::Happy, "{text}");
    }
}

/// Thanks given in advance, and gratitude in the conditional, ask for
/// something: the praise after them says what is wanted, not what
/// happened, and is not answered as praise.
#[test]
fn requests_wrapped_in_thanks_ask_rather_than_praise() {
    for (text, language) in [
        ("Merci d'avance pour une réponse rapide", FR),
        ("Merci par avance pour un retour rapide", FR),
        ("Merci d'avance pour le remboursement rapide", FR),
        ("Je vous remercie de procéder au remboursement", FR),
        (
            "Je vous serais reconnaissant de me rembourser rapidement",
            FR,
        ),
        ("J'apprécierais un remboursement rapide", FR),
        ("Thanks in advance for a quick reply", EN),
        ("I would appreciate a quick answer", EN),
        ("Gracias de antemano por una respuesta rápida", ES),
        ("Les agradecería que me devolvieran el dinero", ES),
        ("Agradecería un reembolso lo antes posible", ES),
        // "Nulle part" is nowhere, not "nul" negated.
        (
            "Ma carte a été débitée mais la commande n'apparaît nulle part",
            FR,
        ),
    ] {
        let (label, _, situation) = answer(text, language);
        assert_ne!(label, Label::Positive, "{text}");
        assert_ne!(situation, Situation::Happy, "{text}");
    }
}

#[test]
fn a_question_about_refunds_asks_rather_than_complains() {
    let s = analyzer().score("Est-ce que vous remboursez les frais de port ?", Some(FR));
    assert!(!s.complaint, "{s}");
}

/// Warm words around a request for money back or a failure report, in each
/// language: whatever the wrapping, the desk never answers with thanks.
fn wrapped_complaint() -> impl Strategy<Value = (String, Language)> {
    let french = (
        prop::sample::select(vec![
            "",
            "Bonjour, ",
            "Super équipe, ",
            "Merci ! ",
            "Génial. ",
        ]),
        prop::sample::select(vec![
            "merci de me rembourser",
            "j'ai été débitée deux fois",
            "commande jamais livrée",
            "je veux être remboursée",
            "prélevés en double",
        ]),
        prop::sample::select(vec![
            "",
            " merci",
            " merci d'avance !",
            " 😊",
            " bonne journée",
        ]),
    )
        .prop_map(|(a, b, c)| (format!("{a}{b}{c}"), FR));
    let english = (
        prop::sample::select(vec!["", "Hi, ", "Love you guys, ", "Thanks! ", "Great. "]),
        prop::sample::select(vec![
            "please refund me",
            "I was charged twice",
            "my order never arrived",
            "I need a refund",
            "double billed again",
        ]),
        prop::sample::select(vec![
            "",
            " thanks",
            " thanks in advance!",
            " 😊",
            " have a nice day",
        ]),
    )
        .prop_map(|(a, b, c)| (format!("{a}{b}{c}"), EN));
    let spanish = (
        prop::sample::select(vec![
            "",
            "Hola, ",
            "Genial equipo, ",
            "¡Gracias! ",
            "Perfecto. ",
        ]),
        prop::sample::select(vec![
            "quiero un reembolso",
            "me cobraron dos veces",
            "mi pedido nunca llegó",
            "devuélvanme el dinero",
            "cobro duplicado",
        ]),
        prop::sample::select(vec![
            "",
            " gracias",
            " gracias de antemano",
            " 😊",
            " buen día",
        ]),
    )
        .prop_map(|(a, b, c)| (format!("{a}{b}{c}"), ES));
    prop_oneof![french, english, spanish]
}

proptest! {
    #[test]
    fn no_thanks_template_for_money_back_or_failures((text, language) in wrapped_complaint()) {
        let (_, complaint, situation) = answer(&text, language);
        prop_assert!(complaint, "{}", text);
        prop_assert_ne!(situation, Situation::Happy, "{}", text);
    }
}
