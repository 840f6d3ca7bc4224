//! Finding the words that weigh: each word of a text looked up in the
//! lexicons (as written, without accents, inflected, drawn out), the
//! longest phrase first, and what the words around it make of it: a
//! negator, an intensifier, a contrast, a concession, a filler or a verb.

use super::lexicon::{self, Entry, Lexicon, Marks, Word};
use super::reading::{collapse, without_enclitic, Reading};
use super::tokenize::{self, Kind};
use super::words::*;
use super::Analyzer;
use crate::model::Language;

/// One scored piece of a text: tokens `first..=last`, bytes `start..end`.
#[derive(Debug, Clone, Copy)]
pub(super) struct Item {
    pub(super) first: usize,
    pub(super) last: usize,
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) base: f64,
    pub(super) emoji: bool,
    pub(super) praise: bool,
    /// Calls for a senior agent, unless negated (see
    /// [`Sentiment::escalates`](super::Sentiment::escalates)).
    pub(super) escalates: bool,
    /// A status that should pass ("processing", "en préparation"): see
    /// [`Rules::lasting`](super::rules::Rules::lasting).
    pub(super) pending: bool,
    /// Asking for news of what is awaited ("any update", "des nouvelles"):
    /// see [`Rules::chased`](super::rules::Rules::chased).
    pub(super) chase: bool,
    /// A question that reproaches (`[reproaches]`: "is this how you
    /// treat"): not damped when asked.
    pub(super) reproach: bool,
    /// A noun that weighs nothing (`[things]`: "facture"): a negation
    /// passes it by.
    pub(super) thing: bool,
    /// A phrase that carries its own negation ("pas mal", "not bad"): a
    /// negation before it is the same one, not a second.
    pub(super) negation_inside: bool,
    /// A phrase that ends with its negation ("still not", "toujours pas",
    /// "todavía no"), which denies the words after it too; "no problem"
    /// and "never mind" deny only their own.
    pub(super) negation_last: bool,
    /// Also an intensifier: dropped as a sentiment word when it intensifies
    /// a following one ("damn good").
    pub(super) also_booster: bool,
}

impl Item {
    /// Whether the item, as written in `text`, is thanks (see [`THANKS`]).
    pub(super) fn is_thanks(&self, text: &str) -> bool {
        one_of(&text[self.start..self.end], &THANKS)
    }
}

/// What a scan finds, by item and by token, in buffers kept per thread.
#[derive(Debug, Default)]
pub(super) struct Found {
    /// The words, phrases and emoji that weigh, in token order, apart.
    pub(super) items: Vec<Item>,
    /// By token: whether it negates.
    pub(super) negator: Vec<bool>,
    /// The negators that end a denial in several words ("far from",
    /// "loin de", "todo menos"), in token order: they deny the word they
    /// come before, and nothing when none follows ("less than 80 %").
    pub(super) denials: Vec<usize>,
    /// The intensifiers of excess ("too", "trop", "demasiado": see
    /// [`Marks::excess`](super::lexicon::Marks::excess)), in token order.
    pub(super) excess: Vec<usize>,
    /// By token: what it adds to the words after it, as an intensifier
    /// (or takes, as a softener).
    pub(super) booster: Vec<f64>,
    /// The concessions of the text: the tokens of the words that open
    /// them and of the clause boundary that ends them.
    pub(super) concessions: Vec<(usize, usize)>,
}

/// What a scan finds once for the whole text.
#[derive(Debug, Clone, Copy)]
pub(super) struct Scan {
    /// The last contrast word ("but", "mais", "pero"): what follows it
    /// is what the writer means.
    pub(super) contrast: Option<usize>,
    /// Where the first word of an order came, when a word of receiving
    /// came after it (see [`Errand`]).
    pub(super) order: Option<usize>,
    /// Whether some word tells of something received, arrived or charged
    /// (see [`Errand`]): only then is a text searched for a part received
    /// or a wrong amount
    /// ([`Rules::wrong_quantity`](super::rules::Rules::wrong_quantity)).
    pub(super) received: bool,
    /// Whether the text has a negation: a negator, or a phrase that ends
    /// with one ("still not fixed").
    pub(super) negation: bool,
    /// Where the first word of paying came ("paid", "pay", "payé", "pago":
    /// [`Errand::Paying`], or [`Errand::Ordered`] and one of
    /// [`PAID`](super::words::PAID)): only then is a text searched for
    /// what the money did not bring
    /// ([`Rules::paid_yet`](super::rules::Rules::paid_yet)).
    pub(super) paid: Option<usize>,
    /// Where the first and the last word of what is awaited came
    /// ([`Errand::Awaited`]): only then, and only before the last, is a
    /// text searched for the time it took
    /// ([`Rules::waited_for`](super::rules::Rules::waited_for)).
    pub(super) awaited: Option<(usize, usize)>,
    /// Whether a word of the conditional came ([`Errand::WouldHave`]):
    /// only then is a text searched for what any other company would have
    /// done ([`Rules::any_other_would_have`](super::rules::Rules::any_other_would_have)).
    pub(super) would_have: bool,
    /// Whether it did, or a word of what could or should have been
    /// ([`Errand::CouldHave`]): only then is a text searched for what would
    /// have been good ([`UNMET`](super::words::UNMET)).
    pub(super) could_have: bool,
    /// Where the last word of [`Errand::Times`] came: only then, and only
    /// up to it, is a text searched for what was done again and again
    /// ([`Rules::repeated`](super::rules::Rules::repeated)).
    pub(super) times: Option<usize>,
    /// Where the first word of telling came ([`Errand::Told`]): only then,
    /// and only from it, is a text searched for what the customer was
    /// told would be done ([`Rules::told_would`](super::rules::Rules::told_would)).
    pub(super) told: Option<usize>,
    /// Where the last word of [`Errand::Alone`] came: only then, and only
    /// up to it, is a text searched for what the customer had to do on
    /// their own ([`Rules::by_myself`](super::rules::Rules::by_myself)).
    pub(super) alone: Option<usize>,
    /// Where the last word of [`Errand::Waited`] came: only then, and only
    /// up to it, is a text searched for how long the customer waited
    /// ([`Rules::waited_long`](super::rules::Rules::waited_long)).
    pub(super) waited: Option<usize>,
    /// Where the first word of [`Errand::Rival`] came: only after it is a
    /// good word looked at as what a rival does well.
    pub(super) rival: Option<usize>,
    /// Whether a word of [`Errand::WouldHave`] or [`Errand::Wishing`]
    /// came: only then is a good word looked at as wished
    /// ([`Rules::wish`](super::rules::Rules::wish)).
    pub(super) wishing: bool,
    /// Where the first word of [`Errand::Against`] came: only after it is
    /// a bad word looked at as opposed, lessened or ended
    /// ([`Rules::opposed`](super::rules::Rules::opposed)), or a good one
    /// as lacking ([`Rules::lacking`](super::rules::Rules::lacking)).
    pub(super) against: Option<usize>,
    /// Where the last word of [`Errand::Receding`] came: only before it is
    /// a bad word looked at as declining
    /// ([`Rules::receding`](super::rules::Rules::receding)).
    pub(super) receding: Option<usize>,
    /// Where the first word of [`Errand::Ordered`] came: only after it is
    /// a wrong choice looked at as the customer's own
    /// ([`Rules::own_mistake`](super::rules::Rules::own_mistake)).
    pub(super) ordered: Option<usize>,
    /// Where the first word of [`Errand::Hoped`] came: only from it is a
    /// verb of liking looked at as hoped for
    /// ([`Rules::hoped`](super::rules::Rules::hoped)).
    pub(super) hoped: Option<usize>,
    /// Where the first word of [`Errand::Doubting`] came: only after it is
    /// praise looked at as doubted.
    pub(super) doubting: Option<usize>,
    /// Where the first word of [`Errand::Mishandled`] came: only then, and
    /// only from it, is a text searched for a parcel mishandled
    /// ([`Rules::mishandled`](super::rules::Rules::mishandled)).
    pub(super) mishandled: Option<usize>,
}

/// How far a phrase of the lexicons is read from its first word (see
/// [`Analyzer::longest_phrase`]).
#[derive(Debug, Clone, Copy)]
struct PhraseReach {
    /// The most words a key of the lexicons has.
    words: usize,
    /// Whether a Spanish pronoun joined to an infinitive is read past.
    enclitics: bool,
}

/// The buffers of looking words up, kept per thread.
#[derive(Debug, Default)]
pub(super) struct Lookups {
    /// The phrase being read.
    phrase: String,
    words: Words,
    /// Per built-in lexicon (English, French, Spanish), what the words
    /// this thread has met resolve to.
    resolved: [WordMemory; 3],
}

impl Lookups {
    /// The word memory alone, without the buffers a huge text grew.
    pub(super) fn memory_only(self) -> Lookups {
        Lookups {
            resolved: self.resolved,
            ..Lookups::default()
        }
    }
}

/// A memory of what words resolve to, direct-mapped: each word has one
/// slot, chosen by its hash, and a word finding another in its slot is
/// resolved again and takes the slot. Most words of a text were met before,
/// and finding one costs a hash and a comparison instead of the accent,
/// inflection and elongation searches. The words come from untrusted text:
/// words made to collide only evict each other, at the cost of resolving
/// them afresh, and never lengthen a search.
#[derive(Debug, Default)]
pub(super) struct WordMemory {
    /// Empty until first used, then [`WordMemory::SLOTS`] long.
    slots: Vec<Option<(InlineWord, Resolved)>>,
}

impl WordMemory {
    /// 16,384 slots of 64 bytes: 1 MiB per lexicon in use.
    const SLOTS: usize = 1 << 14;

    /// What `word` resolves to, from memory or from `resolve`.
    fn get_or(&mut self, word: &str, resolve: impl FnOnce() -> Resolved) -> Resolved {
        use std::hash::Hasher;
        if word.len() >= 24 {
            return resolve();
        }
        if self.slots.is_empty() {
            self.slots = vec![None; Self::SLOTS];
        }
        let mut hasher = rustc_hash::FxHasher::default();
        hasher.write(word.as_bytes());
        // The top bits of a multiplicative hash are its best mixed.
        let slot = (hasher.finish() >> (64 - Self::SLOTS.trailing_zeros())) as usize;
        match &mut self.slots[slot] {
            Some((held, resolved)) if held.is(word) => *resolved,
            other => {
                let resolved = resolve();
                *other = InlineWord::new(word).map(|key| (key, resolved));
                resolved
            }
        }
    }
}

/// A word of up to 23 bytes held in place: its bytes, zero-padded, then
/// its length. Longer words are not remembered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct InlineWord([u8; 24]);

impl InlineWord {
    fn new(word: &str) -> Option<InlineWord> {
        let bytes = word.as_bytes();
        let mut inline = [0u8; 24];
        inline.get_mut(..bytes.len())?.copy_from_slice(bytes);
        inline[23] = u8::try_from(bytes.len()).ok().filter(|&n| n < 24)?;
        Some(InlineWord(inline))
    }

    /// Whether this is `word`.
    fn is(&self, word: &str) -> bool {
        usize::from(self.0[23]) == word.len() && self.0.get(..word.len()) == Some(word.as_bytes())
    }
}

/// What a word says on its own, without the words around it, in the
/// lexicons at hand.
#[derive(Debug, Clone, Copy)]
pub(super) struct Resolved {
    /// Its entry: as written, without accents, or inflected; failing
    /// that, the entry of the word with its elongation cut short ("nuuuul"
    /// as "nul").
    entry: Option<(Entry, Marks)>,
    /// Whether the entry is that of the word cut short.
    elongated: bool,
    /// Whether the entry is that of the word a Spanish superlative is made
    /// of ("facilísimo" of "fácil"), not a key of its own.
    superlative: bool,
    /// Whether some phrase starts with it.
    starts_phrase: bool,
    /// Whether it tells of an order or of something received (see
    /// [`Errand`]): known with the word, so that a text is searched for
    /// the wrong item only when it has both.
    errand: Option<Errand>,
}

/// A word of an order and of what came of it: what the customer
/// ordered, booked or paid for, then a verb of receiving and (past the
/// customer, "me", "nous", "us") a thing other than the one ordered, an
/// indefinite ("got a single", "on m'a donné une chambre sur le parking",
/// "me llegó uno individual"): the wrong item (see
/// [`Rules::wrong_item`](super::rules::Rules::wrong_item)). Not "got it",
/// the thing itself, nor one of [`WHAT_COMES_AFTER_AN_ORDER`]. Also the
/// words of paying, for what the money did not bring
/// ([`Rules::paid_yet`](super::rules::Rules::paid_yet)), and of what is
/// awaited, for a wait too long
/// ([`Rules::waited_for`](super::rules::Rules::waited_for)), and of what
/// another company would have done
/// ([`Rules::any_other_would_have`](super::rules::Rules::any_other_would_have))
/// or what would have been good ([`UNMET`](super::words::UNMET)).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Errand {
    /// "Ordered", "réservé", "pedí"; and what was chosen when ordering
    /// ("the size I selected", "la couleur que j'ai choisie", "el que
    /// elegí").
    Ordered,
    /// "Got", "reçu", "me llegó".
    Received,
    /// "Arrived", "came", "arrivé", "llegado": what was sent, arriving.
    Arrived,
    /// "Charged", "billed", "prélevé", "cobraron": money taken.
    Charged,
    /// "Pay", "paie", "pago": paying, told in the present (the past,
    /// "paid", "payé", "pagué", is [`Errand::Ordered`], one of
    /// [`PAID`](super::words::PAID)).
    Paying,
    /// "Refund", "réponse", "entrega": what the customer waits for once
    /// the order is made or the problem told (see
    /// [`Rules::waited_for`](super::rules::Rules::waited_for)).
    Awaited,
    /// "Would", "aurait", "habría": the first word of what another company
    /// would have done (one of [`WOULD_HAVE`](super::words::WOULD_HAVE)),
    /// or of what would have been good (one of
    /// [`UNMET`](super::words::UNMET)).
    WouldHave,
    /// "Could", "should", "podría", "supposed": a word of what could or
    /// should have been good (one of [`UNMET`](super::words::UNMET)), but
    /// of no comparison with another company.
    CouldHave,
    /// "Times", "fois", "veces", "reprises", "twice", and after an
    /// ordinal "time", "vez": a count of times may end here (see
    /// [`Rules::repeated`](super::rules::Rules::repeated)).
    Times,
    /// "Told", "said", "dit", "dijeron": what the customer was told would
    /// be done may follow (see
    /// [`Rules::told_would`](super::rules::Rules::told_would)).
    Told,
    /// "Myself", "même", "mismo", "cuenta": the last word of what the
    /// customer did on their own (one of
    /// [`BY_MYSELF`](super::words::BY_MYSELF); see
    /// [`Rules::by_myself`](super::rules::Rules::by_myself)).
    Alone,
    /// "Waited", "attendu", "esperando": how long the customer waited may
    /// follow (see [`Rules::waited_long`](super::rules::Rules::waited_long)).
    Waited,
    /// "Competitors", "la concurrence", or what makes a provider after it
    /// a rival ("old", "other", "ancien", "otros"): what a rival does well
    /// may follow (see [`RIVALS`](super::words::RIVALS) and
    /// [`FORMER_OR_OTHER`](super::words::FORMER_OR_OTHER)).
    Rival,
    /// "Sería", "estaría", "serais", "it'd": a conditional of being that
    /// is not one of [`Errand::WouldHave`], before which a good word may
    /// be wished (see [`WOULD_BE`](super::words::WOULD_BE)).
    Wishing,
    /// "Against", "reduce", "moins", "fin", "lutter", "manque": a bad word
    /// after it may be opposed, lessened or ended, a good one lacking (see
    /// [`AGAINST`](super::words::AGAINST),
    /// [`LESSENING`](super::words::LESSENING),
    /// [`ENDING`](super::words::ENDING),
    /// [`OPPOSING`](super::words::OPPOSING) and
    /// [`LACKING`](super::words::LACKING)).
    Against,
    /// "Falls", "recule", "baja": a bad word right before it, or past an
    /// auxiliary, declines (see [`RECEDING`](super::words::RECEDING)).
    Receding,
    /// "Wanted", "hoping", "espérais", "quería": a past hope, after which a
    /// verb of liking did not come true (see [`HOPED`](super::words::HOPED)
    /// and [`HOPING`](super::words::HOPING)).
    Hoped,
    /// "Threw", "jeté", "tiró": a parcel may have been mishandled (see
    /// [`MISHANDLING`](super::words::MISHANDLING) and
    /// [`Rules::mishandled`](super::rules::Rules::mishandled)).
    Mishandled,
    /// "Supposedly", "so-called", "soi-disant", "supuestamente": a word of
    /// doubt, which doubts the praise after it (see
    /// [`DOUBTING`](super::words::DOUBTING)): the last word, or the first
    /// of "soi-disant", a phrase of the French lexicon read as one item.
    Doubting,
    /// "Want", "exige", "quiero": what follows is demanded, and praise in
    /// it names what is missing (see [`DEMANDING`](super::words::DEMANDING)
    /// and `Reading::demanded`). Not those that also wish well or hope
    /// ("souhaite", "attends", "espero": "je vous souhaite une bonne
    /// journée"), nor "pedimos", first an order ("pedimos una pizza
    /// riquísima").
    Demanding,
    /// "Sorry", "désolée", "perdón": the writer apologizes, and may regret
    /// something of their own (see [`SORRY`](super::words::SORRY) and
    /// `Reading::own_regret`).
    Apologizing,
}

impl Errand {
    /// The errand a lowercase word tells of, if any.
    pub(super) fn of(word: &str) -> Option<Errand> {
        match word {
            "ordered" | "booked" | "bought" | "reserved" | "paid" | "commandé" | "commandée"
            | "commandés" | "commandées" | "réservé" | "réservée" | "acheté" | "achetée"
            | "payé" | "pedí" | "pedimos" | "pedido" | "reservé" | "reservamos" | "reservado"
            | "compré" | "compramos" | "comprado" | "pagué" | "pagamos" | "encargué"
            | "encargamos" | "pagado" | "chose" | "chosen" | "selected" | "choisi" | "choisie"
            | "choisis" | "choisies" | "sélectionné" | "sélectionnée" | "elegí" | "elegido"
            | "escogí" | "escogido" | "seleccioné" | "picked" => Some(Errand::Ordered),
            "got" | "received" | "gave" | "given" | "sent" | "delivered" | "brought" | "reçu"
            | "reçue" | "reçus" | "reçues" | "donné" | "envoyé" | "envoyée" | "livré"
            | "apporté" | "llegó" | "llega" | "llegaron" | "dieron" | "dio" | "dan"
            | "mandaron" | "mandó" | "enviaron" | "envió" | "recibí" | "recibimos" | "trajeron"
            | "entregaron" => Some(Errand::Received),
            "arrived" | "came" | "arrivé" | "arrivée" | "arrivés" | "arrivées" | "llegado"
            | "llegados" | "recibido" | "recibidos" => Some(Errand::Arrived),
            "charged" | "billed" | "debited" | "facturé" | "facturée" | "prélevé" | "prélevée"
            | "débité" | "débitée" | "cobraron" | "cobrado" | "cobrada" | "facturaron"
            | "facturado" | "cargaron" => Some(Errand::Charged),
            "pay" | "pays" | "paying" | "paie" | "paye" | "payons" | "payez" | "paient"
            | "pago" | "pagas" | "paga" | "pagan" | "pagando" => Some(Errand::Paying),
            "refund" | "reply" | "answer" | "response" | "delivery" | "parcel" | "package"
            | "order" | "callback" | "call" | "news" | "visit" | "repair" | "technician"
            | "engineer" | "visite" | "visita" | "replacement" | "remboursement" | "réponse"
            | "livraison" | "colis" | "commande" | "rappel" | "appel" | "nouvelles"
            | "réparation" | "technicien" | "remplacement" | "reembolso" | "respuesta"
            | "entrega" | "paquete" | "envío" | "llamada" | "noticias" | "reparación"
            | "técnico" | "reemplazo" | "devolución" => Some(Errand::Awaited),
            "would" | "would've" | "wouldve" | "aurait" | "auraient" | "aurais" | "serait"
            | "seraient" | "habría" | "habrían" | "habria" | "hubiera" | "hubieran" => {
                Some(Errand::WouldHave)
            }
            "could" | "could've" | "couldve" | "should" | "should've" | "shouldve" | "might"
            | "hubiese" | "podría" | "podrían" | "pudo" | "debería" | "supposed" | "censé"
            | "censée" | "censés" | "censées" | "suponía" => Some(Errand::CouldHave),
            "times" | "fois" | "veces" | "reprises" | "twice" | "time" | "vez" => {
                Some(Errand::Times)
            }
            "told" | "said" | "dit" | "dijeron" | "dijo" | "dijiste" | "dijisteis" | "dicho" => {
                Some(Errand::Told)
            }
            "myself" | "ourselves" | "own" | "même" | "mêmes" | "seul" | "seule" | "mismo"
            | "misma" | "mismos" | "cuenta" => Some(Errand::Alone),
            "waited" | "waiting" | "wait" | "attendu" | "attendue" | "attendus" | "attendues"
            | "attends" | "attend" | "attendons" | "attendais" | "attendait" | "attendions"
            | "attendre" | "patienté" | "patienter" | "poireauté" | "poireauter" | "esperé"
            | "esperamos" | "esperaron" | "esperó" | "esperado" | "esperando" | "esperar" => {
                Some(Errand::Waited)
            }
            "competitor" | "competitors" | "concurrence" | "concurrent" | "concurrents"
            | "competencia" | "competidor" | "competidores" | "old" | "previous" | "former"
            | "other" | "ancien" | "ancienne" | "précédent" | "précédente" | "autre" | "autres"
            | "antiguo" | "antigua" | "anterior" | "otro" | "otra" | "otros" | "otras" => {
                Some(Errand::Rival)
            }
            "falls" | "fell" | "fallen" | "drops" | "dropped" | "declines" | "declined"
            | "decreases" | "decreased" | "eases" | "eased" | "recedes" | "receded" | "shrinks"
            | "shrank" | "dips" | "recule" | "reculent" | "reculé" | "baisse" | "baissent"
            | "baissé" | "diminue" | "diminuent" | "diminué" | "chute" | "chutent" | "chuté"
            | "régresse" | "régressent" | "régressé" | "baja" | "bajan" | "bajó" | "cae"
            | "caen" | "cayó" | "disminuye" | "disminuyen" | "disminuyó" | "retrocede"
            | "retroceden" | "retrocedió" | "desciende" | "descienden" | "descendió"
            | "reducido" | "reducen" | "redujo" | "subsides" | "bajado" | "disminuido"
            | "caído" | "descendido" => Some(Errand::Receding),
            "against" | "contre" | "contra" | "reduce" | "reduces" | "reduced" | "reducing"
            | "reduction" | "prevent" | "prevents" | "preventing" | "prevention" | "less"
            | "réduire" | "réduit" | "réduction" | "diminuer" | "prévention" | "moins"
            | "reducir" | "reducción" | "disminuir" | "prevenir" | "prevención" | "menos"
            | "lessen" | "lessens" | "anti" | "end" | "fin" | "halte" | "basta" | "fight"
            | "fights" | "fighting" | "battle" | "struggle" | "combat" | "protect"
            | "protection" | "protecting" | "lutte" | "luttes" | "lutter" | "luttent"
            | "luttons" | "combattre" | "combattent" | "protéger" | "luchar" | "lucha"
            | "luchan" | "luchamos" | "combatir" | "combate" | "combaten" | "proteger"
            | "protección" | "protegerse" | "lack" | "absence" | "manque" | "carence" | "falta"
            | "ausencia" | "carencia" | "shortage" => Some(Errand::Against),
            "wanted" | "tried" | "hoped" | "expected" | "voulais" | "voulait" | "voulions"
            | "vouliez" | "voulaient" | "voulu" | "espérais" | "espérait" | "espérions"
            | "espéraient" | "espéré" | "essayé" | "essayais" | "essayait" | "quería"
            | "queríamos" | "querían" | "quise" | "quisimos" | "intenté" | "intentamos"
            | "intentaba" | "esperaba" | "esperábamos" | "hoping" | "expecting" | "envie"
            | "ganas" => Some(Errand::Hoped),
            "supposedly" | "allegedly" | "called" | "socalled" | "soi" | "prétendument"
            | "prétendu" | "prétendue" | "prétendus" | "prétendues" | "supuestamente"
            | "presuntamente" | "supuesto" | "supuesta" | "supuestos" | "supuestas" => {
                Some(Errand::Doubting)
            }
            "threw" | "thrown" | "throw" | "throws" | "throwing" | "tossed" | "tossing"
            | "chucked" | "chucking" | "hurled" | "flung" | "kicked" | "kicking" | "jeté"
            | "jetée" | "jetés" | "jetées" | "jette" | "jettent" | "balancé" | "balancée"
            | "balancés" | "tiró" | "tiraron" | "tirado" | "tirada" | "lanzó" | "lanzaron"
            | "lanzado" | "lanzada" | "aventó" | "aventaron" | "arrojó" | "arrojaron"
            | "arrojado" | "pateó" => Some(Errand::Mishandled),
            "serais" | "serions" | "sería" | "serían" | "seríamos" | "estaría" | "estarían"
            | "estaríamos" => Some(Errand::Wishing),
            "want" | "wants" | "demand" | "demanding" | "need" | "request" | "requesting"
            | "expect" | "require" | "veux" | "voudrais" | "demande" | "exige" | "réclame"
            | "exigeons" | "réclamons" | "quiero" | "quisiera" | "queremos" | "exijo"
            | "exigimos" | "pido" | "solicito" | "necesito" | "reclamo" | "reclamamos" => {
                Some(Errand::Demanding)
            }
            "sorry" | "apologies" | "désolé" | "désolée" | "désolés" | "désolées" | "navré"
            | "navrée" | "pardon" | "perdón" | "perdon" | "disculpa" | "disculpe" | "disculpen" => {
                Some(Errand::Apologizing)
            }
            w if w.ends_with("'d") || w.ends_with("’d") => Some(Errand::Wishing),
            _ => None,
        }
    }
}

/// Buffers for looking a word up: its accent-free form, inflection
/// candidates, and elongations cut to two letters and to one.
#[derive(Debug, Default)]
pub(super) struct Words {
    folded: String,
    stem: String,
    two: String,
    one: String,
}

impl Analyzer {
    /// What the caller's words, then the lexicons, say about a key as
    /// written: its entry (the caller's first), and whether a phrase may
    /// start with it.
    #[inline(always)]
    pub(super) fn word(&self, lexicons: &[&Lexicon], key: &str) -> Word {
        if let ([lexicon], true) = (lexicons, self.custom.entries.is_empty()) {
            return lexicon.entries.get(key).copied().unwrap_or_default();
        }
        let mut word = Word::default();
        let custom = (!self.custom.entries.is_empty()).then_some(&*self.custom);
        for lexicon in custom.into_iter().chain(lexicons.iter().copied()) {
            if let Some(w) = lexicon.entries.get(key) {
                word.entry = word.entry.or(w.entry);
                word.starts_phrase |= w.starts_phrase;
            }
        }
        word
    }

    /// Finds a word as written, without accents, then through the
    /// language's inflection rules (plural, feminine, verb endings).
    fn lookup(
        &self,
        lexicons: &[&Lexicon],
        key: &str,
        buffers: &mut Words,
    ) -> Option<(Entry, Marks)> {
        self.word(lexicons, key)
            .entry
            .or_else(|| self.lookup_inflected(lexicons, key, buffers))
    }

    /// [`Analyzer::lookup`] for a word known not to be in any lexicon as
    /// written. A negator is never found through an inflection or a
    /// dropped accent: the plural of the French "personne" (nobody) is
    /// "personnes", people ("200 personnes embauchées"), "des riens" are
    /// trifles and "né" is born; the inflected negators there are
    /// ("aucunes", "ningunos") are keys of their own.
    fn lookup_inflected(
        &self,
        lexicons: &[&Lexicon],
        key: &str,
        buffers: &mut Words,
    ) -> Option<(Entry, Marks)> {
        let custom = !self.custom.entries.is_empty();
        let Words { folded, stem, .. } = buffers;
        lexicon::inflected(
            key,
            folded,
            stem,
            |k| {
                self.word(lexicons, k)
                    .entry
                    .filter(|(entry, _)| !matches!(entry, Entry::Negator))
            },
            |start| {
                (custom && self.custom.prefixes.contains(start))
                    || lexicons.iter().any(|l| l.prefixes.contains(start))
            },
        )
    }

    /// A phrase as written or without accents: its entry, and whether a
    /// longer key starts with it.
    fn phrase(
        &self,
        lexicons: &[&Lexicon],
        key: &str,
        buffers: &mut Words,
    ) -> (Option<(Entry, Marks)>, bool) {
        let word = self.word(lexicons, key);
        if key.is_ascii() {
            return (word.entry, word.starts_phrase);
        }
        lexicon::fold_accents_into(key, &mut buffers.folded);
        let folded = self.word(lexicons, &buffers.folded);
        (
            word.entry.or(folded.entry),
            word.starts_phrase || folded.starts_phrase,
        )
    }

    /// Whether a word may stand inside a phrase of the lexicons without
    /// changing what it says, and how much it then intensifies the phrase:
    /// an adverb of [`INNER_ADVERBS`], or a word that intensifies
    /// ("pretty", "muy", "vraiment"; not one that softens: "a bit low" is
    /// not "low").
    fn steps_over(&self, lexicons: &[&Lexicon], word: &str) -> Option<f64> {
        match self.word(lexicons, word).entry {
            Some((Entry::Booster(b) | Entry::Both(_, b), _)) if b > 0.0 => Some(b),
            _ => inner_adverb(word).then_some(0.0),
        }
    }

    /// The longest phrase of the lexicons that starts at token `i`, if one
    /// does: its last token, entry and marks; and what an intensifier
    /// stepped over inside it adds to its weight. Read on while a key may
    /// still follow. One adverb of [`INNER_ADVERBS`] or
    /// [`AUXILIARY_ADVERBS`] ("m'a encore déconnecté") or one intensifier of
    /// the lexicons that no key holds there is stepped over ("is anyone
    /// actually reading", "je pense sérieusement à partir", "feeling
    /// pretty low", "la moral muy por los suelos"), and still intensifies
    /// the phrase; a Spanish infinitive with a pronoun joined to it is read
    /// as the infinitive ("tendría que haberlo comprado" as "tendría que
    /// haber"). `key` and `buffers` are reused buffers.
    fn longest_phrase(
        &self,
        reading: Reading<'_>,
        i: usize,
        lexicons: &[&Lexicon],
        reach: PhraseReach,
        key: &mut String,
        buffers: &mut Words,
    ) -> (Option<(usize, Entry, Marks)>, f64) {
        let mut matched: Option<(usize, Entry, Marks)> = None;
        let mut stepped: Option<(usize, f64)> = None;
        key.clear();
        key.push_str(reading.lower(i));
        for (j, next) in reading
            .tokens
            .iter()
            .enumerate()
            .take(i + reach.words + 1)
            .skip(i + 1)
        {
            if next.kind != Kind::Word || (j == i + reach.words && stepped.is_none()) {
                break;
            }
            let before = key.len();
            key.push(' ');
            key.push_str(reading.lower(j));
            let (mut entry, mut goes_on) = self.phrase(lexicons, key, buffers);
            if entry.is_none() && !goes_on && reach.enclitics {
                if let Some(bare) = without_enclitic(reading.lower(j)) {
                    key.truncate(before + 1);
                    key.push_str(bare);
                    (entry, goes_on) = self.phrase(lexicons, key, buffers);
                }
            }
            if let Some((e, p)) = entry {
                matched = Some((j, e, p));
            }
            if goes_on {
                continue;
            }
            // A step only where a word follows for the phrase to go on with.
            let step = (entry.is_none() && stepped.is_none() && reading.is_word(j + 1))
                .then(|| self.steps_over(lexicons, reading.lower(j)))
                .flatten();
            match step {
                Some(boost) => {
                    key.truncate(before);
                    stepped = Some((j, boost));
                }
                None => break,
            }
        }
        let inner_boost = match (matched, stepped) {
            (Some((last, ..)), Some((at, boost))) if at < last => boost,
            _ => 0.0,
        };
        (matched, inner_boost)
    }

    /// What a word says on its own (see [`Resolved`]).
    fn resolve(&self, lexicons: &[&Lexicon], key: &str, buffers: &mut Words) -> Resolved {
        let word = self.word(lexicons, key);
        // An inflection of one of the lexicon's `[verbs]` is a verb
        // whatever comes before it ("liked"); one of its `[fillers]` is no
        // filler ("Bonne, ...").
        let mut superlative = false;
        let found = word.entry.or_else(|| {
            let hit = self.lookup_inflected(lexicons, key, buffers);
            superlative = hit.is_some() && lexicon::is_superlative(key);
            hit.map(|(entry, marks)| {
                (
                    entry,
                    Marks {
                        verb: false,
                        filler: false,
                        ..marks
                    },
                )
            })
        });
        // A word typed with a curly apostrophe starts the phrases its plain
        // form starts ("you’d better" as "you'd better"). (Accents need no
        // such care: a phrase's start is kept with and without them.)
        let starts_phrase = word.starts_phrase
            || (!key.is_ascii() && key.contains('’') && {
                lexicon::fold_accents_into(key, &mut buffers.folded);
                self.word(lexicons, &buffers.folded).starts_phrase
            });
        let mut resolved = Resolved {
            entry: found,
            elongated: false,
            superlative,
            starts_phrase,
            errand: Errand::of(key),
        };
        if found.is_none() && collapse(key, &mut buffers.two, &mut buffers.one) {
            let (two, one) = (
                std::mem::take(&mut buffers.two),
                std::mem::take(&mut buffers.one),
            );
            resolved.entry = [&two, &one]
                .iter()
                .find_map(|k| self.lookup(lexicons, k, buffers));
            resolved.elongated = resolved.entry.is_some();
            (buffers.two, buffers.one) = (two, one);
        }
        resolved
    }

    /// The most words a key of these lexicons (or the caller's) holds.
    fn max_words(&self, lexicons: &[&Lexicon]) -> usize {
        lexicons
            .iter()
            .map(|l| l.max_words)
            .chain([self.custom.max_words, 1])
            .max()
            .unwrap_or(1)
    }

    /// Reads `reading` for the words that weigh, into `found`.
    pub(super) fn scan(
        &self,
        reading: Reading<'_>,
        lexicons: &[&Lexicon],
        language: Option<Language>,
        found: &mut Found,
        lookups: &mut Lookups,
    ) -> Scan {
        let tokens = reading.tokens;
        let Found {
            items,
            negator,
            denials,
            excess,
            booster,
            concessions,
        } = found;
        let buffers = &mut lookups.words;
        items.clear();
        denials.clear();
        excess.clear();
        negator.clear();
        negator.resize(tokens.len(), false);
        booster.clear();
        booster.resize(tokens.len(), 0.0);
        let mut contrast: Option<usize> = None;
        concessions.clear();
        let reach = PhraseReach {
            words: self.max_words(lexicons),
            // Pronouns joined to an infinitive ("haberlo") are Spanish: not
            // looked for in a text given as English or French.
            enclitics: !matches!(language, Some(l) if l == Language::ENGLISH || l == Language::FRENCH),
        };
        // With one built-in lexicon and no words of the caller's, what a
        // word resolves to depends on the word alone: remember it.
        let mut cache = match (lexicons, self.custom.entries.is_empty()) {
            ([_], true) => language
                .and_then(super::lexicon_index)
                .and_then(|k| lookups.resolved.get_mut(k)),
            _ => None,
        };
        // Where the first word of an order came, and whether a word of
        // receiving came after it (see [`Errand`]).
        let (mut ordered, mut received_after_order) = (None, false);
        let mut received = false;
        let mut paid = None;
        let mut awaited = None;
        let (mut would_have, mut could_have, mut wishing) = (false, false, false);
        let mut against = None;
        let mut receding = None;
        let (mut hoped, mut doubting) = (None, None);
        // Whether a word of demanding or of apology came yet: only after
        // one may praise be demanded or a bad word the writer's own regret.
        let (mut demanding, mut apologizing) = (false, false);
        let mut mishandled = None;
        let mut times = None;
        let mut told = None;
        let mut alone = None;
        let mut waited = None;
        let mut rival = None;
        let mut i = 0;
        while i < tokens.len() {
            let token = tokens[i];
            let symbol = |base: f64, praise: bool| Item {
                first: i,
                last: i,
                start: token.start,
                end: token.end,
                base,
                emoji: true,
                praise,
                escalates: false,
                pending: false,
                chase: false,
                reproach: false,
                thing: false,
                negation_inside: false,
                negation_last: false,
                also_booster: false,
            };
            match token.kind {
                Kind::Boundary => {
                    i += 1;
                    continue;
                }
                Kind::Emoticon => {
                    if let Some(v) = tokenize::emoticon(reading.written(i)) {
                        items.push(symbol(v, false));
                    }
                    i += 1;
                    continue;
                }
                Kind::Emoji => {
                    if let Some(v) = lexicon::emoji(reading.written(i)) {
                        items.push(symbol(v, reading.written(i).starts_with(PRAISING_EMOJI)));
                    }
                    i += 1;
                    continue;
                }
                Kind::Word => {}
            }
            // Longest phrase first, then the word itself (also with its
            // elongation collapsed).
            let resolved = match cache.as_mut() {
                Some(memory) => memory.get_or(reading.lower(i), || {
                    self.resolve(lexicons, reading.lower(i), buffers)
                }),
                None => self.resolve(lexicons, reading.lower(i), buffers),
            };
            match resolved.errand {
                Some(Errand::Ordered) => {
                    ordered = ordered.or(Some(i));
                    if paid.is_none() && one_of(reading.lower(i), &PAID) {
                        paid = Some(i);
                    }
                }
                Some(Errand::Paying) => paid = paid.or(Some(i)),
                Some(Errand::Awaited) => {
                    awaited = Some((awaited.map_or(i, |(first, _)| first), i));
                }
                Some(Errand::Received) => {
                    received_after_order |= ordered.is_some();
                    received = true;
                }
                Some(Errand::Arrived | Errand::Charged) => received = true,
                Some(Errand::WouldHave) => (would_have, could_have, wishing) = (true, true, true),
                Some(Errand::Wishing) => wishing = true,
                Some(Errand::Against) => against = against.or(Some(i)),
                Some(Errand::Receding) => receding = Some(i),
                Some(Errand::Hoped) => hoped = hoped.or(Some(i)),
                Some(Errand::Doubting) => doubting = doubting.or(Some(i)),
                Some(Errand::Demanding) => demanding = true,
                Some(Errand::Apologizing) => apologizing = true,
                Some(Errand::Mishandled) => mishandled = mishandled.or(Some(i)),
                Some(Errand::CouldHave) => could_have = true,
                Some(Errand::Times) => times = Some(i),
                Some(Errand::Told) => told = told.or(Some(i)),
                Some(Errand::Alone) => alone = Some(i),
                Some(Errand::Waited) => {
                    waited = Some(i);
                    // "Je m'attendais à adorer": a wait that is a hope.
                    if one_of(reading.lower(i), &HOPED) {
                        hoped = hoped.or(Some(i));
                    }
                }
                Some(Errand::Rival) => rival = rival.or(Some(i)),
                None => {}
            }
            let (mut matched, inner_boost) = if resolved.starts_phrase && reach.words > 1 {
                self.longest_phrase(reading, i, lexicons, reach, &mut lookups.phrase, buffers)
            } else {
                (None, 0.0)
            };
            // "No se puede acceder", "no se me carga": a negation and the
            // pronoun of its verb, not "no sé" written without its accent.
            if matches!(matched, Some((last, ..)) if last == i + 1 && reading.pronoun_se(last)) {
                matched = None;
            }
            // Praise in what is demanded names what is missing ("I want a
            // quick refund", "I need my problem fixed"): a phrase of it is
            // read word by word, a word of it weighs nothing.
            let praise = |entry: Entry| matches!(entry, Entry::Valence(v) if v > 0.0);
            let demanded = |e: Entry| demanding && praise(e) && reading.demanded(i);
            if matches!(matched, Some((_, e, _)) if demanded(e)) {
                matched = None;
            }
            // A word drawn out ("nuuuul") or made a superlative
            // ("facilísimo") says more than the word it is made of.
            let mut stressed = false;
            if matched.is_none() {
                if let Some((e, p)) = resolved.entry.filter(|&(e, _)| !demanded(e)) {
                    matched = Some((i, e, p));
                    stressed = resolved.elongated || resolved.superlative;
                }
            }
            let Some((last, entry, marks)) = matched else {
                i += 1;
                continue;
            };
            // A phrase may hold the word of demanding or of apology ("j'exige",
            // "sorry for"): the scan goes on past it.
            for j in i + 1..=last {
                match Errand::of(reading.lower(j)) {
                    Some(Errand::Demanding) => demanding = true,
                    Some(Errand::Apologizing) => apologizing = true,
                    _ => {}
                }
            }
            // What the writer regrets of their own ("sorry for my angry
            // message") weighs nothing: it is no complaint of the service.
            let regretted = || {
                apologizing
                    && matches!(entry, Entry::Valence(v) if v < 0.0)
                    && reading.own_regret(i)
            };
            if (last == i
                && ((marks.verb && !reading.verb_here(i))
                    || (marks.filler && reading.filler(i))
                    || (praise(entry) && reading.measures(i))))
                || (marks.opener && !reading.opens_clause(i))
                || regretted()
            {
                i += 1;
                continue;
            }
            match entry {
                Entry::Valence(v) | Entry::Both(v, _) => {
                    if let Entry::Both(_, b) = entry {
                        booster[last] = b;
                    }
                    let mut base = v;
                    if stressed && base != 0.0 {
                        base += base.signum() * self.config.booster;
                    }
                    base += base.signum() * inner_boost;
                    // A phrase with a negator in it ("pas mal", "toujours
                    // pas reçu") is negated already: the "n'" of "je n'ai
                    // toujours pas reçu" is the same negation.
                    let (mut negation_inside, mut negation_last) = (false, false);
                    let mut also_booster = matches!(entry, Entry::Both(..));
                    if last > i && !resolved.elongated {
                        for j in i..=last {
                            let entry = if j == i {
                                resolved.entry
                            } else {
                                self.resolve(lexicons, reading.lower(j), buffers).entry
                            };
                            if matches!(entry, Some((Entry::Negator, _)))
                                && !reading.negates_nothing(j)
                            {
                                negation_inside = true;
                                negation_last = j == last;
                            }
                            // Being, then a word that is also an intensifier
                            // ("c'est super", "c'est bien"), intensifies as
                            // the word does; not "muy bien", "ya está bien".
                            if let (true, Some((Entry::Both(_, b), _))) = (j == last, entry) {
                                if (i..last).all(|t| reading.is_one_of(t, &BEING_IT)) {
                                    booster[last] = b;
                                    also_booster = true;
                                }
                            }
                        }
                    }
                    items.push(Item {
                        first: i,
                        last,
                        start: token.start,
                        end: tokens[last].end,
                        base,
                        emoji: false,
                        praise: marks.praise,
                        escalates: marks.escalates,
                        pending: marks.pending,
                        chase: marks.chase,
                        reproach: marks.reproach,
                        thing: marks.thing,
                        negation_inside,
                        negation_last,
                        also_booster,
                    });
                }
                // A denial in several words ("far from", "loin de") negates
                // from its last, nearest the word it denies.
                Entry::Negator => {
                    negator[last] = !reading.negates_nothing(last);
                    if last > i {
                        denials.push(last);
                    }
                }
                Entry::Booster(b) => {
                    booster[last] = b;
                    if marks.excess {
                        excess.push(last);
                    }
                }
                Entry::Contrast if last == i && !reading.contrasts_here(i) => {}
                Entry::Contrast => contrast = Some(last),
                // A concession opens a clause ("though" that ends one, "great
                // coffee though", is an adverb) and stands beside the main
                // one: after it in the same sentence ("great, although"), or
                // before it ("Although the box was damaged, the coffee is
                // great"). A sentence that opens with one and has no other
                // clause is an afterthought, and weighs in full ("The coffee
                // is great. Although the box was damaged."). One inside
                // another ends where it does: the clauses are kept apart and
                // in order, and each is searched for its end once (a
                // concession left out opens a sentence and ends at the next
                // boundary, before the next sentence opens).
                Entry::Concession => {
                    let opens = reading.is_word(last + 1);
                    if opens && concessions.last().is_none_or(|&(_, end)| last > end) {
                        let end = (last + 1..tokens.len())
                            .find(|&j| tokens[j].kind == Kind::Boundary)
                            .unwrap_or(tokens.len());
                        let after_main = !reading.opens_sentence(i);
                        let before_main = end < tokens.len()
                            && reading.ends_sentence(end).is_none()
                            && reading.is_word(end + 1);
                        if after_main || before_main {
                            concessions.push((last, end));
                        }
                    }
                }
            }
            i = last + 1;
        }

        // The French "ne ... que" says "only": "on ne peut que recommander",
        // "il n'y a que des problèmes" negate nothing. A "pas" (or "plus",
        // "jamais"...) before the "que" makes it a negation again ("je ne
        // pense pas que"). Nor does "n'importe" ("n'importe quelle autre
        // banque", "n'importe quand"). A subject that negates opens the
        // negation before its "ne" ("personne ne m'a prévenu que", "rien
        // n'a changé que"; not "la personne ne m'a répondu que par mail").
        for (k, negates) in negator.iter_mut().enumerate() {
            if !*negates || !one_of(reading.lower(k), &["ne", "n"]) {
                continue;
            }
            let denied_subject = k.checked_sub(1).is_some_and(|s| {
                reading.is_one_of(s, &NEGATING_SUBJECTS)
                    && !s.checked_sub(1).is_some_and(|d| {
                        reading.is_one_of(d, &DETERMINERS) || reading.is_one_of(d, &INDEFINITES)
                    })
            });
            if denied_subject {
                continue;
            }
            let any = || reading.is_one_of(k + 1, &["importe"]);
            let only = || {
                (k + 1..tokens.len().min(k + 6))
                    .take_while(|&j| tokens[j].kind == Kind::Word)
                    .map(|j| reading.lower(j))
                    .find(|w| one_of(w, &FRENCH_SECOND_NEGATORS) || one_of(w, &["que", "qu"]))
                    .is_some_and(|w| one_of(w, &["que", "qu"]))
            };
            if any() || only() {
                *negates = false;
            }
        }

        let negation = negator.contains(&true) || items.iter().any(|it| it.negation_last);
        // A word that is also an intensifier and does intensify a following
        // sentiment word is only an intensifier ("damn good", "pretty bad",
        // "bien nul"); a good one before another good word is still praise
        // as well ("pretty good", "super content"). "Super" after being or
        // a noun, before a word that weighs nothing, is only the degree of
        // it ("le délai est super long", "livraison super longue": see
        // `Reading::degree_of_nothing`).
        let window = self.config.window;
        let mut kept = 0;
        for k in 0..items.len() {
            let intensifies = items.get(k + 1).is_some_and(|next| {
                next.first - items[k].last <= window
                    && !reading.has_boundary(items[k].last, next.first)
                    && (next.base < 0.0 || items[k].base < 0.0)
            });
            if !(items[k].also_booster
                && (intensifies
                    || reading.degree_of_nothing(
                        items[k].first,
                        items[k].last,
                        items.get(k + 1).map(|n| n.first),
                        items[k].first.checked_sub(1).is_some_and(|b| {
                            booster[b] == 0.0 && (k == 0 || items[k - 1].last != b)
                        }),
                    )))
            {
                items[kept] = items[k];
                kept += 1;
            }
        }
        items.truncate(kept);
        Scan {
            contrast,
            order: ordered.filter(|_| received_after_order),
            wishing,
            against,
            receding,
            ordered,
            hoped,
            doubting,
            mishandled,
            received,
            negation,
            paid,
            awaited,
            would_have,
            could_have,
            times,
            told,
            alone,
            waited,
            rival,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_first_word_of_the_conditional_is_its_errand() {
        let first = |phrase: &'static str| phrase.split(' ').next().unwrap_or(phrase);
        for phrase in WOULD_HAVE {
            assert_eq!(
                Errand::of(first(phrase)),
                Some(Errand::WouldHave),
                "{phrase}"
            );
        }
        // What would have been good is looked for after any of its words.
        for phrase in UNMET {
            let errand = phrase.split(' ').find_map(|word| {
                Errand::of(word).filter(|e| matches!(e, Errand::WouldHave | Errand::CouldHave))
            });
            assert!(errand.is_some(), "{phrase}");
        }
    }

    #[test]
    fn every_last_word_of_doing_it_alone_is_its_errand() {
        for phrase in BY_MYSELF {
            let last = phrase.split(' ').next_back().unwrap_or(phrase);
            assert_eq!(Errand::of(last), Some(Errand::Alone), "{phrase}");
        }
    }

    #[test]
    fn every_conditional_of_a_wish_is_an_errand() {
        for word in WOULD_BE.iter().chain(&["it'd", "i’d"]) {
            let errand = Errand::of(word);
            assert!(
                matches!(errand, Some(Errand::WouldHave | Errand::Wishing)),
                "{word}"
            );
        }
    }

    #[test]
    fn every_word_that_opposes_or_lessens_is_its_errand() {
        for word in AGAINST
            .iter()
            .chain(&LESSENING)
            .chain(&ENDING)
            .chain(&OPPOSING)
            .chain(&LACKING)
        {
            assert_eq!(Errand::of(word), Some(Errand::Against), "{word}");
        }
    }

    #[test]
    fn every_conditional_of_what_was_wanting_is_marked() {
        // `Rules::wanting` reads only where the scan saw one.
        for word in WOULD {
            assert!(
                matches!(
                    Errand::of(word),
                    Some(Errand::WouldHave | Errand::CouldHave | Errand::Wishing)
                ),
                "{word}"
            );
        }
    }

    #[test]
    fn every_word_of_a_decline_is_its_errand() {
        for word in RECEDING {
            assert_eq!(Errand::of(word), Some(Errand::Receding), "{word}");
        }
    }

    #[test]
    fn every_word_of_a_past_hope_and_of_doubt_is_its_errand() {
        // The French imperfect of "attendre" is a wait first (see
        // `Scan::hoped`).
        for word in HOPED.iter().chain(&HOPING) {
            let errand = Errand::of(word);
            assert!(
                errand == Some(Errand::Hoped)
                    || (errand == Some(Errand::Waited) && word.starts_with("attend")),
                "{word}"
            );
        }
        for phrase in DOUBTING {
            let doubts = |word: &str| Errand::of(word) == Some(Errand::Doubting);
            assert!(phrase.split(' ').any(doubts), "{phrase}");
        }
    }

    #[test]
    fn every_word_of_demanding_and_of_apology_is_its_errand() {
        for word in DEMANDING {
            let errand = Errand::of(word);
            // Wishing well, hoping, and an order (see `Errand::Demanding`).
            let other = one_of(word, &["souhaite", "attends", "espero", "pedimos"]);
            assert_eq!(errand == Some(Errand::Demanding), !other, "{word}");
        }
        for word in SORRY {
            assert_eq!(Errand::of(word), Some(Errand::Apologizing), "{word}");
        }
    }

    #[test]
    fn every_verb_of_mishandling_is_its_errand() {
        for word in MISHANDLING {
            assert_eq!(Errand::of(word), Some(Errand::Mishandled), "{word}");
        }
    }

    #[test]
    fn every_word_that_names_a_rival_is_its_errand() {
        for word in RIVALS.iter().chain(&FORMER_OR_OTHER) {
            assert_eq!(Errand::of(word), Some(Errand::Rival), "{word}");
        }
    }

    #[test]
    fn the_word_memory_answers_as_resolving_would() {
        let resolved = |valence: f64| Resolved {
            entry: Some((Entry::Valence(valence), Marks::default())),
            elongated: false,
            superlative: false,
            starts_phrase: false,
            errand: None,
        };
        let mut memory = WordMemory::default();
        assert_eq!(
            memory.get_or("super", || resolved(2.0)).entry,
            resolved(2.0).entry
        );
        // Remembered: not resolved again.
        let again = memory.get_or("super", || unreachable!("remembered"));
        assert_eq!(again.entry, resolved(2.0).entry);
        // Every word gets its own answer, whoever held its slot before.
        for k in 0..50_000 {
            let word = format!("w{k}");
            let got = memory.get_or(&word, || resolved(f64::from(k)));
            assert_eq!(got.entry, resolved(f64::from(k)).entry);
        }
        // Words too long to hold are resolved each time.
        let long = "x".repeat(30);
        memory.get_or(&long, || resolved(1.0));
        assert_eq!(
            memory.get_or(&long, || resolved(3.0)).entry,
            resolved(3.0).entry
        );
    }
}
