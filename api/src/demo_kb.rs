//! Demo knowledge-base articles for West Bengal's helpline, in English, Hindi and
//! Bengali, written once (when the tenant has none).

use crate::state::AppState;
use arogya_domain::ids::{TenantId, UserId};
use arogya_infra::db::Access;
use arogya_infra::repos::helpline::{self as repo, NewArticle};

const ARTICLES: [(&str, &str, &str, &[&str]); 5] = [
    (
        "en",
        "Dengue: warning signs that need a hospital today",
        "Ask about fever of 2 to 7 days with any of: severe belly pain, vomiting again and again, bleeding from gums or nose, blood in vomit or stool, cold or clammy skin, restlessness or drowsiness, less urine than usual. Any one sign: advise going to the nearest hospital today, by ambulance (108) if the person is drowsy or bleeding. Without warning signs: plenty of fluids (ORS, coconut water, soups), paracetamol only (no ibuprofen or aspirin), and a platelet count if the fever has lasted 3 days.",
        &["dengue", "fever", "bleeding"],
    ),
    (
        "hi",
        "डेंगू: चेतावनी के संकेत जिनमें आज ही अस्पताल जाना है",
        "2 से 7 दिन के बुखार के साथ इनमें से कोई भी हो तो पूछें: पेट में तेज़ दर्द, बार-बार उल्टी, मसूड़ों या नाक से खून, उल्टी या मल में खून, ठंडी चिपचिपी त्वचा, बेचैनी या ज़्यादा नींद, सामान्य से कम पेशाब। कोई एक भी संकेत हो तो आज ही नज़दीकी अस्पताल जाने की सलाह दें; बेहोशी या खून आने पर 108 एम्बुलेंस। संकेत न हों तो खूब तरल (ओआरएस, नारियल पानी), सिर्फ़ पैरासिटामोल (आइबुप्रोफ़ेन या एस्पिरिन नहीं), और 3 दिन के बुखार पर प्लेटलेट जाँच।",
        &["dengue", "डेंगू", "बुखार"],
    ),
    (
        "bn",
        "ডেঙ্গি: যে সতর্কতা লক্ষণে আজই হাসপাতালে যেতে হবে",
        "২ থেকে ৭ দিনের জ্বরের সঙ্গে এর কোনোটি আছে কি না জিজ্ঞাসা করুন: পেটে তীব্র ব্যথা, বারবার বমি, মাড়ি বা নাক থেকে রক্ত, বমি বা মলে রক্ত, ঠান্ডা চটচটে ত্বক, অস্থিরতা বা ঝিমুনি, স্বাভাবিকের চেয়ে কম প্রস্রাব। একটি লক্ষণ থাকলেও আজই নিকটতম হাসপাতালে যাওয়ার পরামর্শ দিন; ঝিমুনি বা রক্তপাত হলে ১০৮ অ্যাম্বুলেন্স। লক্ষণ না থাকলে প্রচুর তরল (ওআরএস, ডাবের জল), শুধু প্যারাসিটামল (আইবুপ্রোফেন বা অ্যাসপিরিন নয়), আর ৩ দিন জ্বর থাকলে প্লেটলেট পরীক্ষা।",
        &["dengue", "ডেঙ্গি", "জ্বর"],
    ),
    (
        "en",
        "Snake bite: first aid, and where anti-snake venom is given",
        "Keep the person still and calm, the bitten limb below the heart and without movement (splint it). Remove rings and tight clothing. Do not cut, suck, apply ice or a tight tourniquet, and do not wait for symptoms. Take the person at once to a hospital that gives anti-snake venom (district and sub-divisional hospitals); use 'nearest emergency facilities' in the console and call 108. Note the time of the bite.",
        &["snake", "bite", "emergency"],
    ),
    (
        "en",
        "E-health card: how a caller gets one or replaces a lost card",
        "Any government facility's registration counter, or the surveyor visiting the household, registers the person and prints the card at once. A lost card is reissued at the same counters with the health ID or the registered phone number; the old card stops verifying. The card's QR code can be checked by any facility, even offline.",
        &["card", "registration"],
    ),
];

pub async fn seed(state: &AppState, tenant: TenantId, author: UserId) -> anyhow::Result<()> {
    let tx = state.db.tenant_tx(tenant, Access::Write).await?;
    if repo::search_articles(&tx, &[], None, 1).await?.is_empty() {
        for (language, title, body, tags) in ARTICLES {
            repo::insert_article(
                &tx,
                NewArticle {
                    language,
                    title: title.into(),
                    body: body.into(),
                    tags: tags.iter().map(|t| (*t).to_owned()).collect(),
                    created_by: author.0,
                },
            )
            .await?;
        }
    }
    tx.commit().await?;
    Ok(())
}
