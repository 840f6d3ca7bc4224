//! The forms of French and Spanish verbs that the suffix rules of
//! [`stems`](super::lexicon::stems) cannot reach: those whose stem changes
//! ("trahissent", "détruit", "déçoit", "craignent"; "pierde", "cuelga",
//! "mintió", "destruye", "aborrezco").
//!
//! The suffix rules take an ending off and try the infinitive's; they only
//! run for a word whose first four letters start some key, and they know
//! the regular verbs ("adore", "odiaba"). A verb that changes its stem
//! changes it early ("pierde" for "perder") or grows it ("trahissent" for
//! "trahir"), and is found by neither. Whether a verb does is a fact of
//! the dictionary, not of its spelling ("perder" gives "pierde", "temer"
//! gives "teme"), so each lexicon says it: its `[conjugations]` section
//! names, for a verb of `[words]`, the model verb it is conjugated like,
//! as a conjugation table does. The forms are written out once, when the
//! lexicon is built, with the verb's valence.
//!
//! The models and the forms each gives:
//!
//! | model | verbs like | forms |
//! |---|---|---|
//! | `finir` | trahir, punir, maudire | trahis, trahit, trahissons, trahissez, trahissent, trahissait, trahi, trahie, trahira |
//! | `partir` | mentir, sentir | mens, ment, mentons, mentent, mentait, menti, mentira |
//! | `rendre` | perdre, rompre | perds, perd, perdent, perdait, perdu, perdra; romps, rompt |
//! | `battre` | battre, abattre | bats, bat, battent, battait, battu, battra |
//! | `mettre` | compromettre | compromets, compromet, compromettent, compromettait, compromettra |
//! | `craindre` | craindre, plaindre | crains, craint, craignent, craignait, crainte, craindra |
//! | `conduire` | détruire, séduire, interdire | détruis, détruit, détruisent, détruisait, détruite, détruira |
//! | `paraître` | disparaître | disparaît, disparaissent, disparaissait, disparu, disparaîtra |
//! | `recevoir` | décevoir | déçois, déçoit, décevons, déçoivent, décevait, déçu, décevra |
//! | `tenir` | soutenir | soutiens, soutient, soutiennent, soutenait, soutenu, soutiendra |
//! | `mourir` | mourir | meurs, meurt, meurent, mourait, mourra |
//! | `rire` | rire, sourire | rit, rient, riait, riant, rira |
//! | `pensar` | perder, recomendar, negar | pierdo, pierdes, pierde, pierden, pierda, pierdan |
//! | `sentir` | mentir, herir, arrepentir | miento, miente, mienta, mintamos, mintió, mintieron, mintiendo |
//! | `contar` | colgar, doler, aprobar | cuelgo, cuelga, cuelgan, cuelgue, cuelguen |
//! | `dormir` | morir, dormir | muero, muere, muera, muramos, murió, murieron, muriendo |
//! | `pedir` | pedir, seguir, elegir | pido, pide, piden, pida, pidió, pidieron, pidiendo |
//! | `construir` | destruir, huir | destruyo, destruye, destruyen, destruya, destruyó, destruyeron, destruyendo |
//! | `conocer` | merecer, aborrecer | merezco, merece, merecen, merezca, merezcan |
//! | `reír` | reír, sonreír | ríe, ríen, rieron, riendo; sonrío, sonría, sonrió |
//!
//! The present, the imperfect (French), the present subjunctive
//! (Spanish), the simple past's third persons (Spanish), the future, the
//! participle and the gerund: the forms a complaint or a praise is told
//! in. A form that is a key of its own keeps its own entry.

/// The forms of `verb` conjugated like `model`, the infinitive left out;
/// `None` when the model is not one of the table above, or the verb does
/// not end as its model does.
pub(crate) fn forms(verb: &str, model: &str) -> Option<Vec<String>> {
    match model {
        "finir" | "partir" | "rendre" | "battre" | "mettre" | "craindre" | "conduire"
        | "paraître" | "recevoir" | "tenir" | "mourir" | "rire" => french(verb, model),
        "pensar" | "sentir" | "contar" | "dormir" | "pedir" | "construir" | "conocer" | "reír" => {
            spanish(verb, model)
        }
        _ => None,
    }
}

/// Joins a stem to each ending.
fn join(stem: &str, endings: &[&str]) -> Vec<String> {
    endings.iter().map(|end| format!("{stem}{end}")).collect()
}

/// A French verb's stems, from which its forms are made.
struct Stems {
    /// The present's singular, written out: "trahis, trahit", "perds,
    /// perd", "déçois, déçoit".
    singular: Vec<String>,
    /// The stem where the stress falls on it: "ils trahissent", "ils
    /// déçoivent", "qu'il soutienne".
    strong: String,
    /// The stem of "nous", "vous", the imperfect and the present
    /// participle: "décevons", "décevait", "soutenant".
    weak: String,
    /// The past participle, if it is no other word ("compromis" is).
    participle: Option<String>,
    /// The stem of the future and the conditional: "trahir-a",
    /// "perdr-ait", "soutiendr-a".
    future: String,
}

/// The endings made on the strong stem ("trahissent", "qu'il déçoive").
const STRONG: [&str; 3] = ["ent", "e", "es"];
/// The endings made on the weak stem: "nous", "vous", the imperfect and the
/// present participle. The imperfect's "nous" and "vous" are left out:
/// "mentions" is a tweet's mentions far more often than it is "we lied".
const WEAK: [&str; 7] = ["ons", "ez", "ais", "ait", "aient", "ant", "ante"];
/// The endings of a past participle in agreement.
const AGREEMENT: [&str; 4] = ["", "e", "s", "es"];
/// The endings of the future and the conditional.
const FUTURE: [&str; 9] = ["ai", "as", "a", "ons", "ez", "ont", "ais", "ait", "aient"];

/// The forms of a French verb conjugated like `model`: those of its
/// stems (see [`french_stems`]) with the endings of each.
fn french(verb: &str, model: &str) -> Option<Vec<String>> {
    let stems = french_stems(verb, model)?;
    let mut forms = stems.singular;
    forms.extend(join(&stems.strong, &STRONG));
    forms.extend(join(&stems.weak, &WEAK));
    if let Some(participle) = stems.participle {
        forms.extend(join(&participle, &AGREEMENT));
    }
    forms.extend(join(&stems.future, &FUTURE));
    Some(forms)
}

/// The stems of a French verb conjugated like `model`, if it ends as its
/// model does.
fn french_stems(verb: &str, model: &str) -> Option<Stems> {
    let cut = |end: &str| verb.strip_suffix(end).filter(|s| !s.is_empty());
    // A verb whose strong and weak stems are one.
    let plain = |singular: Vec<String>, stem: String, participle: Option<String>, future| Stems {
        singular,
        strong: stem.clone(),
        weak: stem,
        participle,
        future,
    };
    Some(match model {
        // trahir: trahis, trahit, trahissent, trahissait, trahi, trahira.
        // maudire (maudis, maudissent) goes the same way.
        "finir" => {
            let stem = cut("ir").or_else(|| cut("ire"))?;
            plain(
                join(stem, &["is", "it"]),
                format!("{stem}iss"),
                Some(format!("{stem}i")),
                format!("{stem}ir"),
            )
        }
        // mentir: mens, ment (the stem's last consonant goes in the
        // singular), mentent, mentait, menti.
        "partir" => {
            let stem = cut("ir")?;
            let short = stem.char_indices().last().map(|(at, _)| &stem[..at])?;
            plain(
                join(short, &["s", "t"]),
                stem.to_owned(),
                Some(format!("{stem}i")),
                format!("{stem}ir"),
            )
        }
        // perdre: perds, perd; rompre: romps, rompt; battre: bats, bat;
        // mettre: mets, met. Then perdent, perdait, perdu (mettre's
        // participle, "mis", is another word: "compromis").
        "rendre" | "battre" | "mettre" => {
            let stem = cut("re")?;
            let singular = match model {
                "rendre" if stem.ends_with('d') => vec![format!("{stem}s"), stem.to_owned()],
                "rendre" => vec![format!("{stem}s"), format!("{stem}t")],
                _ => {
                    let short = stem.strip_suffix('t')?;
                    vec![format!("{short}s"), short.to_owned()]
                }
            };
            let participle = (model != "mettre").then(|| format!("{stem}u"));
            plain(singular, stem.to_owned(), participle, format!("{stem}r"))
        }
        // craindre: crains, craint, craignent, craignait, crainte.
        "craindre" => {
            let stem = cut("ndre")?;
            plain(
                join(stem, &["ns", "nt"]),
                format!("{stem}gn"),
                Some(format!("{stem}nt")),
                format!("{stem}ndr"),
            )
        }
        // détruire: détruis, détruit, détruisent, détruisait, détruite.
        // interdire goes the same way.
        "conduire" => {
            let stem = cut("re")?;
            plain(
                join(stem, &["s", "t"]),
                format!("{stem}s"),
                Some(format!("{stem}t")),
                format!("{stem}r"),
            )
        }
        // disparaître: disparais, disparaît, disparaissent,
        // disparaissait, disparu.
        "paraître" => {
            let stem = cut("aître")?;
            plain(
                join(stem, &["ais", "aît", "ait"]),
                format!("{stem}aiss"),
                Some(format!("{stem}u")),
                format!("{stem}aîtr"),
            )
        }
        // décevoir: déçois, déçoit, déçoivent, décevons, décevait, déçu.
        "recevoir" => {
            let stem = cut("cevoir")?;
            Stems {
                singular: join(stem, &["çois", "çoit"]),
                strong: format!("{stem}çoiv"),
                weak: format!("{stem}cev"),
                participle: Some(format!("{stem}çu")),
                future: format!("{stem}cevr"),
            }
        }
        // soutenir: soutiens, soutient, soutiennent, soutenons,
        // soutenait, soutenu, soutiendra.
        "tenir" => {
            let stem = cut("enir")?;
            Stems {
                singular: join(stem, &["iens", "ient"]),
                strong: format!("{stem}ienn"),
                weak: format!("{stem}en"),
                participle: Some(format!("{stem}enu")),
                future: format!("{stem}iendr"),
            }
        }
        // mourir: meurs, meurt, meurent, mourons, mourait, mourra ("mort"
        // is a word of its own).
        "mourir" => {
            let stem = cut("ourir")?;
            Stems {
                singular: join(stem, &["eurs", "eurt"]),
                strong: format!("{stem}eur"),
                weak: format!("{stem}our"),
                participle: None,
                future: format!("{stem}ourr"),
            }
        }
        // rire: rit, rient, riait, riant. "ris" is left out: in "souris"
        // it is a mouse.
        "rire" => {
            let stem = cut("re")?;
            plain(
                vec![format!("{stem}t")],
                stem.to_owned(),
                None,
                format!("{stem}r"),
            )
        }
        _ => return None,
    })
}

/// The plural forms of a regular Spanish verb that the suffix rules miss
/// (see `Lexicon::with_plural_verb_forms`): "-en" of every verb
/// ("sufren", "disfruten"), and the subjunctive's "-emos" of an -ar verb
/// ("ganemos", "toquemos"). None for a word that is no infinitive of three
/// letters of stem or more.
pub(crate) fn plurals(verb: &str) -> Vec<String> {
    let Some((stem, class)) = verb
        .len()
        .checked_sub(2)
        .and_then(|at| Some((verb.get(..at)?, verb.get(at..)?)))
    else {
        return Vec::new();
    };
    let verb = matches!(class, "ar" | "er" | "ir")
        && stem.chars().count() >= 3
        && stem.chars().all(char::is_alphabetic);
    match (verb, class) {
        (false, _) => Vec::new(),
        (true, "ar") => {
            let soft = before(stem, 'e', class);
            vec![format!("{soft}en"), format!("{soft}emos")]
        }
        _ => vec![format!("{stem}en")],
    }
}

/// What a Spanish model does to the stem's last vowel.
#[derive(Clone, Copy)]
struct Change {
    /// The vowel that changes: 'e' or 'o'.
    vowel: char,
    /// What it becomes where the stress falls on it: "ie", "ue", "i".
    stressed: &'static str,
    /// What it becomes in the -ir verbs' forms whose ending starts with a
    /// stressed "a" or "i" + vowel ("mintamos", "mintió", "durmiendo"), if
    /// it changes there.
    weak: Option<&'static str>,
}

/// The stem with its last `vowel` made `into`.
fn change_vowel(stem: &str, vowel: char, into: &str) -> Option<String> {
    let at = stem.rfind(vowel)?;
    let changed = format!("{}{into}{}", &stem[..at], &stem[at + vowel.len_utf8()..]);
    // "oler" is "huele": no Spanish word starts with "ue".
    Some(match changed.starts_with("ue") {
        true => format!("h{changed}"),
        false => changed,
    })
}

/// A Spanish stem before an ending that starts with `vowel`: the spelling
/// keeps the sound of its last consonant. An -ar verb's ending may start
/// with "e" ("cuelg-ue", "tropiec-e"); an -er or -ir verb's with "o" or
/// "a" ("elij-o", "consig-a", "venz-o").
fn before(stem: &str, vowel: char, class: &str) -> String {
    let soft = matches!(vowel, 'e' | 'é' | 'i' | 'í');
    let respellings: &[(&str, &str)] = match (class, soft) {
        ("ar", true) => &[("g", "gu"), ("c", "qu"), ("z", "c")],
        ("er" | "ir", false) => &[("gu", "g"), ("g", "j"), ("c", "z")],
        _ => &[],
    };
    respellings
        .iter()
        .find_map(|(end, into)| stem.strip_suffix(end).map(|s| format!("{s}{into}")))
        .unwrap_or_else(|| stem.to_owned())
}

/// The forms of a Spanish verb conjugated like `model`: those whose stem
/// changes (see [`Change`]), or grows ("destruyo", "merezco"), or takes
/// an accent ("sonríe").
fn spanish(verb: &str, model: &str) -> Option<Vec<String>> {
    let mut forms = Vec::new();
    if model == "reír" {
        let stem = verb
            .strip_suffix("eír")
            .or_else(|| verb.strip_suffix("eir"))?;
        forms.extend(join(stem, &["íes", "íe", "íen", "ieron", "iendo"]));
        // Of "reír" itself, "río" and "ría" are also a river and an
        // estuary, and "rio", the accent-free form of "rió", is Rio: only
        // "sonrío", "sonrió".
        if stem != "r" {
            forms.extend(join(stem, &["ío", "ía", "ías", "ían", "ió"]));
        }
        return Some(forms);
    }
    let class = verb.get(verb.len().checked_sub(2)?..)?;
    let stem = &verb[..verb.len() - 2];
    if stem.is_empty() || !matches!(class, "ar" | "er" | "ir") {
        return None;
    }
    match model {
        "construir" => {
            if class != "ir" {
                return None;
            }
            let y = format!("{stem}y");
            forms.extend(join(
                &y,
                &[
                    "o", "es", "e", "en", "a", "as", "amos", "áis", "an", "ó", "eron", "endo",
                ],
            ));
            return Some(forms);
        }
        "conocer" => {
            let soft = stem.strip_suffix('c')?;
            forms.extend(join(
                &format!("{soft}zc"),
                &["o", "a", "as", "amos", "áis", "an"],
            ));
            // The regular third person plural, which the suffix rules do
            // not try ("-en" would read French words as Spanish verbs).
            forms.push(format!("{stem}en"));
            return Some(forms);
        }
        _ => {}
    }
    let change = match (model, class) {
        ("pensar", _) => Change {
            vowel: 'e',
            stressed: "ie",
            weak: None,
        },
        ("contar", _) => Change {
            vowel: 'o',
            stressed: "ue",
            weak: None,
        },
        ("sentir", "ir") => Change {
            vowel: 'e',
            stressed: "ie",
            weak: Some("i"),
        },
        ("dormir", "ir") => Change {
            vowel: 'o',
            stressed: "ue",
            weak: Some("u"),
        },
        ("pedir", "ir") => Change {
            vowel: 'e',
            stressed: "i",
            weak: Some("i"),
        },
        _ => return None,
    };
    let vowel = change.vowel;
    let stressed = change_vowel(stem, vowel, change.stressed)?;
    // The present where the stress falls on the stem, indicative and
    // subjunctive: "pierdo, pierdes, pierde, pierden", "pierda, pierdas,
    // pierdan"; "cuelgo ... cuelgue".
    let (indicative, subjunctive): (&[&str], &[&str]) = match class {
        "ar" => (&["o", "as", "a", "an"], &["e", "es", "en"]),
        _ => (&["o", "es", "e", "en"], &["a", "as", "an"]),
    };
    for end in indicative.iter().chain(subjunctive) {
        let first = end.chars().next()?;
        forms.push(format!("{}{end}", before(&stressed, first, class)));
    }
    // The -ir verbs' weak forms: "mintamos", "mintió", "mintieron",
    // "mintiendo"; for pedir, whose vowel is "i" throughout, "pidamos".
    if let Some(weak) = change.weak {
        let weak = change_vowel(stem, vowel, weak)?;
        for end in ["amos", "áis", "ió", "ieron", "iendo"] {
            let first = end.chars().next()?;
            forms.push(format!("{}{end}", before(&weak, first, class)));
        }
    }
    Some(forms)
}

#[cfg(test)]
mod tests {
    use super::forms;

    fn has(verb: &str, model: &str, expected: &[&str]) {
        let forms = forms(verb, model).unwrap_or_else(|| panic!("{verb} like {model}"));
        for form in expected {
            assert!(
                forms.iter().any(|f| f == form),
                "{verb} like {model}: no {form} in {forms:?}"
            );
        }
    }

    #[test]
    fn french_verbs_are_conjugated_like_their_model() {
        has(
            "trahir",
            "finir",
            &["trahit", "trahissent", "trahissait", "trahie", "trahira"],
        );
        has("maudire", "finir", &["maudit", "maudissent"]);
        has(
            "mentir",
            "partir",
            &["mens", "ment", "mentent", "mentait", "mentira"],
        );
        has(
            "perdre",
            "rendre",
            &["perds", "perd", "perdent", "perdait", "perdu", "perdra"],
        );
        has("rompre", "rendre", &["romps", "rompt", "rompent", "rompu"]);
        has(
            "abattre",
            "battre",
            &["abats", "abat", "abattent", "abattu"],
        );
        has("compromettre", "mettre", &["compromet", "compromettent"]);
        has(
            "craindre",
            "craindre",
            &["crains", "craint", "craignent", "craignait"],
        );
        has(
            "détruire",
            "conduire",
            &["détruit", "détruisent", "détruite", "détruira"],
        );
        has(
            "disparaître",
            "paraître",
            &["disparaît", "disparaissent", "disparu"],
        );
        has(
            "décevoir",
            "recevoir",
            &["déçoit", "déçoivent", "décevait", "déçue"],
        );
        has(
            "soutenir",
            "tenir",
            &["soutient", "soutiennent", "soutenu", "soutiendra"],
        );
        has(
            "mourir",
            "mourir",
            &["meurt", "meurent", "mourait", "mourra"],
        );
        has("sourire", "rire", &["sourit", "sourient", "souriait"]);
        let mettre = forms("compromettre", "mettre").unwrap_or_default();
        assert!(!mettre.iter().any(|f| f == "compromettu"));
        let mentir = forms("mentir", "partir").unwrap_or_default();
        assert!(
            !mentir.iter().any(|f| f == "mentions"),
            "a tweet's mentions"
        );
        let rire = forms("sourire", "rire").unwrap_or_default();
        assert!(!rire.iter().any(|f| f == "souris"), "a mouse");
    }

    #[test]
    fn spanish_verbs_change_their_stem_as_their_model_does() {
        has(
            "perder",
            "pensar",
            &["pierdo", "pierde", "pierden", "pierda"],
        );
        has("negar", "pensar", &["niega", "niegan", "niegue", "nieguen"]);
        has("tropezar", "pensar", &["tropieza", "tropiece"]);
        has(
            "mentir",
            "sentir",
            &["miente", "mienta", "mintió", "mintieron", "mintiendo"],
        );
        has("colgar", "contar", &["cuelga", "cuelgan", "cuelgue"]);
        has("oler", "contar", &["huele", "huelen"]);
        has(
            "morir",
            "dormir",
            &["muere", "murió", "murieron", "muriendo"],
        );
        has(
            "conseguir",
            "pedir",
            &["consigo", "consigue", "consiga", "consiguió"],
        );
        has("elegir", "pedir", &["elijo", "elige", "elija"]);
        has(
            "destruir",
            "construir",
            &["destruye", "destruyen", "destruyó"],
        );
        has(
            "aborrecer",
            "conocer",
            &["aborrezco", "aborrecen", "aborrezca"],
        );
        has(
            "sonreír",
            "reír",
            &["sonríe", "sonríen", "sonrió", "sonriendo", "sonrío"],
        );
        has("reír", "reír", &["ríe", "ríen", "rieron", "riendo"]);
        let reír = forms("reír", "reír").unwrap_or_default();
        assert!(
            !reír.iter().any(|f| f == "río" || f == "rió"),
            "a river, Rio"
        );
    }

    #[test]
    fn spanish_plurals_keep_the_sound_of_the_stem() {
        assert_eq!(super::plurals("disfrutar"), ["disfruten", "disfrutemos"]);
        assert_eq!(super::plurals("tocar"), ["toquen", "toquemos"]);
        assert_eq!(super::plurals("gozar"), ["gocen", "gocemos"]);
        assert_eq!(super::plurals("sufrir"), ["sufren"]);
        assert_eq!(super::plurals("temer"), ["temen"]);
        assert!(super::plurals("bar").is_empty());
        assert!(super::plurals("bueno").is_empty());
        assert!(super::plurals("super-ar").is_empty());
        assert!(super::plurals("").is_empty());
        assert!(super::plurals("ñ").is_empty());
    }

    #[test]
    fn a_verb_unlike_its_model_has_no_forms() {
        assert_eq!(forms("perdre", "finir"), None);
        assert_eq!(forms("mentir", "dormir"), None);
        assert_eq!(forms("odiar", "construir"), None);
        assert_eq!(forms("ar", "pensar"), None);
        assert_eq!(forms("odiar", "pensar"), None);
        assert_eq!(forms("trahir", "nadar"), None);
        assert_eq!(forms("", "finir"), None);
    }
}
