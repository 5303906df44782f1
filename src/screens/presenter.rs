//! The presenter view: what the projector shows. One screen per phase, made to be read from the
//! back of the room at 1920×1080 without scrolling: the ground rules, the join link and QR code
//! with how many have answered, the revealed results in steps (the indices, then each hotspot,
//! then every dimension), and short summaries of the ideas, the vote, the ranking and the
//! agreement. The facilitator's window decides which slide the room sees ([`Workshop::slide`]);
//! this follows it through storage events and never saves anything. No individual answers and no
//! votes by person.

use tandem_core::scoring::Report;
use tandem_core::{Bank, Norm, Slide, Workshop};
use yew::prelude::*;

use crate::components::norms::{idea_count, voter_count};
use crate::components::report::{after_discussion, figure_row, hotspot_figures, indices};
use crate::components::{Countdown, Qr};
use crate::hooks::{use_convergence, use_report, use_stored, use_title};
use crate::routes::Route;
use crate::screens::workshops::{answer_counts, role_counts};
use crate::setup::{Setup, Words, use_setup, use_words};
use crate::storage;

/// At most this many ideas or norms on one slide; the rest are counted.
const LIST_LIMIT: usize = 6;

#[derive(Properties, PartialEq, Clone)]
pub struct PresenterProps {
    pub workshop_id: AttrValue,
}

fn read(setup: &Setup, id: &str) -> Option<Workshop> {
    storage::load(&setup.prefix)
        .state
        .workshops
        .get(id)
        .cloned()
}

#[component]
pub fn Presenter(props: &PresenterProps) -> Html {
    let words = use_words();
    let workshop = use_stored(props.workshop_id.clone(), read);
    use_title(workshop.as_ref().map_or_else(
        || words.t("sheet.workshop-missing").to_owned(),
        |workshop| words.f("title.presenter", &[("name", &workshop.name)]),
    ));
    let Some(workshop) = &*workshop else {
        return html! {
            <div class="tandem presenter">
                <main class="tandem-main">
                    <h1>{words.t("sheet.workshop-missing")}</h1>
                    <p class="lead">{words.t("presenter.open-from")}</p>
                </main>
            </div>
        };
    };
    let phase = workshop.phase();
    html! {
        <div class="tandem presenter">
            <main class="tandem-main">
                <header class="presenter-header">
                    <div>
                        <p class="presenter-workshop" title={workshop.name.clone()}>{&workshop.name}</p>
                        <h1>{phase.title(words.0)}</h1>
                    </div>
                    <Countdown timer={workshop.timer} phase={phase.title(words.0)} />
                </header>
                <SlideView workshop={workshop.clone()} />
            </main>
        </div>
    }
}

/// A join link for the room, large, with its QR code: its words are the QR code's label, the
/// heading and the lead, by catalogue key; `count` says how many have answered.
fn join_slide(
    words: Words,
    setup: &Setup,
    link: &Route,
    [qr, title, lead]: [&'static str; 3],
    count: &str,
) -> Html {
    let join = setup.address(&link.to_hash());
    html! {
        <div class="presenter-join">
            <Qr text={join} label={words.t(qr)} />
            <div>
                <h2>{words.t(title)}</h2>
                <p class="presenter-link">{setup.address(&link.to_readable_hash())}</p>
                <p>{words.t(lead)}</p>
                <p class="presenter-count">{count.to_owned()}</p>
            </div>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct SlideProps {
    workshop: Workshop,
}

/// The slide the facilitator has the room on.
#[component]
fn SlideView(props: &SlideProps) -> Html {
    let words = use_words();
    let setup = use_setup();
    let workshop = &props.workshop;
    let report = use_report(workshop);
    let convergence = use_convergence(workshop, &report);
    let bank = &workshop.bank;
    let norms = &workshop.norms;
    let slide = workshop.slide();
    let body = match slide {
        Slide::Welcome => html! {
            <ul class="presenter-points">
                <li>{words.t("presenter.anonymous")}</li>
                <li>{words.t("presenter.threshold")}</li>
                <li>{words.t("presenter.usually")}</li>
            </ul>
        },
        Slide::Join => join_slide(
            words,
            &setup,
            &Route::join(workshop),
            ["collect.qr", "presenter.join-title", "presenter.join-turns"],
            &words.f(
                "workshop.answered-so-far",
                &[("counts", &answer_counts(words, workshop))],
            ),
        ),
        // Until the facilitator has chosen what to answer again, there is no link to show.
        Slide::JoinAgain if workshop.rerate.is_none() => html! {
            <p class="lead">{words.t("again.choosing")}</p>
        },
        Slide::JoinAgain => join_slide(
            words,
            &setup,
            &Route::join_again(workshop),
            ["again.qr", "room.join-again", "room.join-again-lead"],
            &words.f(
                "again.answered",
                &[("counts", &role_counts(words, workshop.counts_again()))],
            ),
        ),
        Slide::Waiting => html! {
            <>
                <p class="presenter-count">
                    {words.f("workshop.answered-so-far", &[("counts", &answer_counts(words, workshop))])}
                </p>
                <p class="lead">{words.t("presenter.results-appear")}</p>
            </>
        },
        Slide::Indices => indices(words, &report),
        Slide::Hotspot(d) => hotspot(words, workshop, &report, d),
        Slide::NoHotspots => html! {
            <p class="lead">
                {words.f("report.no-hotspots", &[("friction", &format!("{:.0}", tandem_core::scoring::HOTSPOT_FRICTION))])}
            </p>
        },
        Slide::Dimensions => every_dimension(words, bank, &report),
        Slide::Ideas => html! {
            <>
                <p class="presenter-count">{idea_count(words, norms)}</p>
                if norms.revealed {
                    {norm_list(words, &norms.ideas.iter().collect::<Vec<_>>(), false)}
                } else {
                    <p class="lead">{words.t("presenter.ideas-appear")}</p>
                }
            </>
        },
        Slide::Votes => html! {
            <>
                <p class="presenter-count">{voter_count(words, norms)}</p>
                if !norms.revealed {
                    <p class="lead">{words.t("presenter.ideas-appear")}</p>
                } else if norms.totals_visible() {
                    {norm_list(words, &norms.ranked(), true)}
                } else {
                    <p class="lead">{words.t("presenter.totals-appear")}</p>
                }
            </>
        },
        Slide::Ranking => html! {
            if norms.revealed {
                {norm_list(words, &norms.ranked(), norms.totals_visible())}
            } else {
                <p class="lead">{words.t("presenter.ideas-appear")}</p>
            }
        },
        Slide::Agreement => agreement(words, workshop),
        Slide::AfterDiscussion => convergence.map_or_else(Html::default, |convergence| {
            after_discussion(words, bank, &convergence, workshop.threshold, true)
        }),
        Slide::Summary => html! {
            <>
                if workshop.revealed {
                    {indices(words, &report)}
                }
                {agreement(words, workshop)}
            </>
        },
    };
    html! {
        // One live region for the whole slide: a screen reader following the projector hears
        // each new slide and each new count, once.
        <section class={classes!("slide", slide_class(slide))} aria-live="polite" aria-atomic="false">
            {body}
        </section>
    }
}

fn slide_class(slide: Slide) -> &'static str {
    match slide {
        Slide::Join => "slide-join",
        Slide::Indices => "slide-indices",
        Slide::Hotspot(_) => "slide-hotspot",
        Slide::Dimensions => "slide-dimensions",
        Slide::AfterDiscussion => "slide-after",
        _ => "slide-text",
    }
}

/// One hotspot, large: its friction, score and level, Marketing and IT side by side when they
/// can be told apart, and what to try first.
fn hotspot(words: Words, workshop: &Workshop, report: &Report, d: usize) -> Html {
    let (Some(dimension), Some(figures)) =
        (workshop.bank.dimensions.get(d), report.dimensions.get(d))
    else {
        return Html::default();
    };
    let leading = report.leading_hotspots();
    let at = leading.iter().position(|&h| h == d).unwrap_or(0);
    html! {
        <div class="presenter-hotspot">
            <p class="step-label">{words.f("presenter.hotspot-of", &[("n", &(at + 1)), ("total", &leading.len())])}</p>
            <h2>{&dimension.title}</h2>
            <p class="hotspot-figures">{hotspot_figures(words, figures)}</p>
            if report.roles_known {
                <dl class="figures">
                    {figure_row(words, words.t("role.marketing"), figures.marketing, 100.0, "score", words.t("workshop.no-answers"))}
                    {figure_row(words, words.t("role.it"), figures.it, 100.0, "score", words.t("workshop.no-answers"))}
                </dl>
            }
            if let Some(first) = dimension.recommendations.first() {
                <p class="presenter-try">{words.f("presenter.try-first", &[("text", &first.text)])}</p>
            }
        </div>
    }
}

/// Every dimension's score as a bar, one row each.
fn every_dimension(words: Words, bank: &Bank, report: &Report) -> Html {
    html! {
        <>
            <h2>{words.t("report.every-dimension")}</h2>
            <dl class="figures presenter-dimensions">
                for (dimension, figures) in bank.dimensions.iter().zip(&report.dimensions) {
                    {figure_row(words, &dimension.title, figures.score, 100.0, "score", words.t("chart.not-available"))}
                }
            </dl>
        </>
    }
}

/// Ideas or norms in the order given, with their dots when `dots`; past [`LIST_LIMIT`] counted.
fn norm_list(words: Words, norms: &[&Norm], dots: bool) -> Html {
    let more = norms.len().saturating_sub(LIST_LIMIT);
    html! {
        <>
            <ol class="presenter-norms">
                for norm in norms.iter().take(LIST_LIMIT) {
                    <li key={norm.id.clone()}>
                        <span class="idea-text">{&norm.text}</span>
                        if dots {
                            <span class="dots">{" "}{words.0.count("norms.dot", "norms.dots", norm.dots() as usize)}</span>
                        }
                    </li>
                }
            </ol>
            if more > 0 {
                <p class="presenter-more">{words.f("presenter.more", &[("count", &more)])}</p>
            }
        </>
    }
}

/// The adopted norms with owner and review date.
fn agreement(words: Words, workshop: &Workshop) -> Html {
    let adopted = workshop.norms.agreement();
    if adopted.is_empty() {
        return html! { <p class="lead">{words.t("presenter.no-agreement")}</p> };
    }
    let more = adopted.len().saturating_sub(LIST_LIMIT);
    html! {
        <>
            <h2>{words.t("agree.adopted")}</h2>
            <ol class="presenter-norms">
                for (norm, agreed) in adopted.iter().take(LIST_LIMIT) {
                    <li key={norm.id.clone()}>
                        <span class="idea-text">{&norm.text}</span>
                        <span class="presenter-owner">
                            {" "}{words.f("presenter.owner-review", &[("owner", &agreed.owner.label(words.0)), ("date", &words.date(agreed.review))])}
                        </span>
                    </li>
                }
            </ol>
            if more > 0 {
                <p class="presenter-more">{words.f("presenter.more", &[("count", &more)])}</p>
            }
        </>
    }
}
