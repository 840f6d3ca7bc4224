//! How fast do platform payloads come in?
//!
//! - `whatsapp/one_message`: a webhook body with one text message, its
//!   contact and metadata (what the platform sends most), parsed.
//! - `whatsapp/1000_messages`: one body with 1,000 text messages.
//! - `meta/feed_comment` and `meta/messenger_message`: a Page feed body
//!   with one comment, and a Messenger body with one message.
//! - `x/stream_line`: one filtered-stream line (a tweet and its author).
//! - `email/reply_with_history`: a multipart message (text and HTML) that
//!   answers a thread, quoted history and signature to take out.
//! - `signature/meta_1kb`: `X-Hub-Signature-256` checked on a 1 KB body.
//!
//! Run with `cargo bench --bench channels`.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use social_crm::channels::signature::{meta_signature, verify_meta};
use social_crm::channels::{email, meta, whatsapp, x};

fn one_message() -> String {
    r#"{"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"field":"messages","value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"33180000000","phone_number_id":"106540352242922"},"contacts":[{"profile":{"name":"Léa Martin"},"wa_id":"33612345678"}],"messages":[{"from":"33612345678","id":"wamid.HBgLMzM2MTIzNDU2NzgVAgASGBQzQUZGQUJDMDAwMDAwMDAwMDAwMQA=","timestamp":"1763660700","type":"text","text":{"body":"Toujours pas reçu ma commande, ça fait trois semaines 😡"}}]}}]}]}"#.to_owned()
}

fn whatsapp_payloads(c: &mut Criterion) {
    let mut group = c.benchmark_group("whatsapp");
    let one = one_message();
    group.throughput(Throughput::Elements(1));
    group.bench_function("one_message", |b| {
        b.iter(|| black_box(whatsapp::parse(black_box(one.as_bytes())).expect("parses")))
    });
    let many = social_crm::sample::whatsapp_webhook(1_000);
    group.throughput(Throughput::Elements(1_000));
    group.bench_function("1000_messages", |b| {
        b.iter(|| black_box(whatsapp::parse(black_box(many.as_bytes())).expect("parses")))
    });
    group.finish();
}

fn meta_payloads(c: &mut Criterion) {
    let comment = r#"{"object":"page","entry":[{"id":"104857600123","time":1763660900,"changes":[{"field":"feed","value":{"item":"comment","verb":"add","post_id":"104857600123_5550001","comment_id":"5550001_9001","parent_id":"104857600123_5550001","from":{"id":"7391205546132","name":"Jean Dupont"},"message":"Trois semaines sans colis, et aucune réponse 😤","created_time":1763660700}}]}]}"#;
    let dm = r#"{"object":"page","entry":[{"id":"104857600123","time":1763661000456,"messaging":[{"sender":{"id":"6532109876543210"},"recipient":{"id":"104857600123"},"timestamp":1763661000456,"message":{"mid":"m_AbCdEf0123456789","text":"Bonjour, j'ai été débitée deux fois… merci de me rembourser"}}]}]}"#;
    let mut group = c.benchmark_group("meta");
    group.throughput(Throughput::Elements(1));
    group.bench_function("feed_comment", |b| {
        b.iter(|| black_box(meta::parse(black_box(comment.as_bytes())).expect("parses")))
    });
    group.bench_function("messenger_message", |b| {
        b.iter(|| black_box(meta::parse(black_box(dm.as_bytes())).expect("parses")))
    });
    group.finish();
}

fn x_payloads(c: &mut Criterion) {
    let line = r#"{"data":{"id":"1861111111111111200","text":"@cafelia toujours pas de colis après 3 semaines 😡","author_id":"1456789012345678901","conversation_id":"1861111111111111200","created_at":"2026-11-21T08:15:00.000Z","lang":"fr","public_metrics":{"retweet_count":12,"reply_count":3,"like_count":40,"quote_count":2}},"includes":{"users":[{"id":"1456789012345678901","username":"nath_conso","name":"Nathalie Girard","public_metrics":{"followers_count":182000,"following_count":950,"tweet_count":8800,"listed_count":310}}]},"matching_rules":[{"id":"1","tag":"brand"}]}"#;
    let mut group = c.benchmark_group("x");
    group.throughput(Throughput::Elements(1));
    group.bench_function("stream_line", |b| {
        b.iter(|| {
            black_box(
                x::parse(black_box(line.as_bytes()), &["998877665544332211"]).expect("parses"),
            )
        })
    });
    group.finish();
}

fn email_messages(c: &mut Criterion) {
    let raw = [
        "From: =?UTF-8?B?QW50b2luZSBMZXJveQ==?= <Antoine.Leroy@example.com>",
        "To: service@cafelia.example",
        "Subject: Re: =?UTF-8?Q?Double_pr=C3=A9l=C3=A8vement?=",
        "Message-ID: <d4e5f6@mail.example.com>",
        "In-Reply-To: <ticket-4521-1@cafelia.example>",
        "References: <a1b2c3@mail.example.com> <ticket-4521-1@cafelia.example>",
        "Date: Mon, 16 Nov 2026 18:40:00 +0100",
        "MIME-Version: 1.0",
        "Content-Type: multipart/alternative; boundary=\"sep\"",
        "",
        "--sep",
        "Content-Type: text/plain; charset=utf-8",
        "",
        "Toujours pas rembourse, merci de faire le necessaire.",
        "",
        "Le lun. 16 nov. 2026 a 10:02, Service client <service@cafelia.example> a ecrit :",
        "> Bonjour Antoine, le remboursement est lance. Camille",
        "--sep",
        "Content-Type: text/html; charset=utf-8",
        "",
        "<p>Toujours pas rembourse</p><blockquote>Bonjour Antoine</blockquote>",
        "--sep--",
        "",
    ]
    .join("\r\n");
    let mut group = c.benchmark_group("email");
    group.throughput(Throughput::Elements(1));
    group.bench_function("reply_with_history", |b| {
        b.iter(|| {
            black_box(
                email::parse(black_box(raw.as_bytes()), &["service@cafelia.example"])
                    .expect("parses"),
            )
        })
    });
    group.finish();
}

fn signatures(c: &mut Criterion) {
    let body = vec![b'x'; 1024];
    let header = meta_signature(b"app-secret", &body);
    let mut group = c.benchmark_group("signature");
    group.throughput(Throughput::Bytes(body.len() as u64));
    group.bench_function("meta_1kb", |b| {
        b.iter(|| verify_meta(b"app-secret", black_box(&body), &header).expect("checks"))
    });
    group.finish();
}

criterion_group!(
    benches,
    whatsapp_payloads,
    meta_payloads,
    x_payloads,
    email_messages,
    signatures
);
criterion_main!(benches);
