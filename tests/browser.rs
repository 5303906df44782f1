//! Components in a real browser (headless Chromium through wasm-bindgen-test): what they render
//! and what they emit. Waits for Yew with `scheduler::flush`, never with a sleep.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use tandem::components::{Choice, LikertScale, Scale};
use tandem_core::Rating;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlInputElement};
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

#[derive(Properties, PartialEq)]
struct HostProps {
    value: Choice,
    scale: Scale,
    on_answer: Callback<Option<Rating>>,
}

#[component]
fn Host(props: &HostProps) -> Html {
    html! {
        <LikertScale
            name="item-q1"
            legend="Marketing and IT compare notes."
            value={props.value}
            scale={props.scale}
            on_answer={props.on_answer.clone()}
        />
    }
}

async fn render(value: Choice, scale: Scale) -> (Element, Rc<RefCell<Vec<Option<Rating>>>>) {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let emitted = Rc::new(RefCell::new(Vec::new()));
    let sink = emitted.clone();
    let on_answer = Callback::from(move |answer| sink.borrow_mut().push(answer));
    yew::Renderer::<Host>::with_root_and_props(
        root.clone(),
        HostProps {
            value,
            scale,
            on_answer,
        },
    )
    .render();
    yew::scheduler::flush().await;
    (root, emitted)
}

fn radios(root: &Element) -> Vec<HtmlInputElement> {
    let list = root.query_selector_all("input[type=radio]").unwrap();
    (0..list.length())
        .map(|i| {
            list.item(i)
                .unwrap()
                .dyn_into::<HtmlInputElement>()
                .unwrap()
        })
        .collect()
}

/// The text of the label an input is named by.
fn label_of(root: &Element, input: &HtmlInputElement) -> String {
    let label = root
        .query_selector(&format!("label[for='{}']", input.id()))
        .unwrap()
        .expect("every option has a label");
    label.text_content().unwrap_or_default()
}

#[wasm_bindgen_test]
async fn the_scale_is_a_fieldset_with_the_statement_as_legend_and_labelled_options() {
    let (root, _) = render(Choice::Nothing, Scale::Agreement).await;
    let legend = root.query_selector("fieldset > legend").unwrap().unwrap();
    assert_eq!(
        legend.text_content().unwrap(),
        "Marketing and IT compare notes."
    );
    let inputs = radios(&root);
    assert_eq!(inputs.len(), 6);
    let labels: Vec<String> = inputs.iter().map(|input| label_of(&root, input)).collect();
    assert_eq!(
        labels,
        [
            "1Strongly disagree",
            "2Disagree",
            "3Neutral",
            "4Agree",
            "5Strongly agree",
            "Don't know"
        ]
    );
    assert!(inputs.iter().all(|input| input.name() == "item-q1"));
    assert!(inputs.iter().all(|input| !input.checked()));
}

#[wasm_bindgen_test]
async fn choosing_an_option_emits_its_rating_and_dont_know_emits_none() {
    let (root, emitted) = render(Choice::Nothing, Scale::Agreement).await;
    let inputs = radios(&root);
    inputs[3].click();
    yew::scheduler::flush().await;
    inputs[5].click();
    yew::scheduler::flush().await;
    assert_eq!(*emitted.borrow(), [Rating::new(4), None]);
}

#[wasm_bindgen_test]
async fn the_current_answer_is_checked() {
    let (root, _) = render(Choice::Rating(Rating::new(2).unwrap()), Scale::Agreement).await;
    let checked: Vec<bool> = radios(&root)
        .iter()
        .map(HtmlInputElement::checked)
        .collect();
    assert_eq!(checked, [false, true, false, false, false, false]);
    let (root, _) = render(Choice::OptOut, Scale::Agreement).await;
    assert!(radios(&root)[5].checked(), "don't know is checked");
}

#[wasm_bindgen_test]
async fn the_estimate_scale_uses_its_own_words() {
    let (root, emitted) = render(Choice::OptOut, Scale::Estimate).await;
    let inputs = radios(&root);
    assert_eq!(label_of(&root, &inputs[0]), "1Very poorly");
    assert_eq!(label_of(&root, &inputs[5]), "No estimate");
    inputs[4].click();
    yew::scheduler::flush().await;
    assert_eq!(*emitted.borrow(), [Rating::new(5)]);
}

/// Every address the app writes reads back as the route it was written for, a workshop's name
/// in a join link included, and a response link belongs to the app's own root.
#[wasm_bindgen_test]
fn every_route_reads_back_from_the_hash_it_writes() {
    use tandem::routes::Route;
    use tandem_core::code::JoinLink;
    let routes = [
        Route::App,
        Route::Workshops,
        Route::Proposal,
        Route::Data,
        Route::Code("1ABC-DEFG".into()),
        Route::Presenter("w1".into()),
        Route::Agreement(String::new()),
        Route::Agreement("w1".into()),
        Route::Report(String::new()),
        Route::Report("w 2".into()),
        Route::Join(JoinLink::to(
            "bank",
            0x8_1234,
            "Kick-off: \"Web\" / 50% #1 ? 🙂",
        )),
    ];
    for route in routes {
        assert_eq!(Route::of(&route.to_hash()), route, "{}", route.to_hash());
    }
    assert_eq!(Route::of("#elsewhere"), Route::App);
    assert!(Route::Code("X".into()).same_root(&Route::App));
    assert!(!Route::Presenter("w1".into()).same_root(&Route::App));
    let readable = Route::Join(JoinLink::to("bank", 1, "Q3 launch")).to_readable_hash();
    assert_eq!(readable, "#join/bank/0001/Q3 launch");
    assert_eq!(
        Route::of("#workshopsX"),
        Route::App,
        "the app's views are whole words"
    );
}

/// Each address names the entry that shows it, the way boot.js reads it: a join link the
/// participant's, no hash (or one Tandem does not know) the self-assessment's, every other the
/// facilitator's, which also shows every route; embeds by their mode. A view of the app names
/// the route a reload must open to show it again.
#[wasm_bindgen_test]
fn every_route_names_the_entry_that_shows_it() {
    use tandem::routes::{Entry, Route};
    use tandem_core::View;
    let cases = [
        ("", Entry::SelfAssessment),
        ("#elsewhere", Entry::SelfAssessment),
        ("#join/bank/0001/Q3", Entry::Participant),
        ("#again/bank/0001/2.5/Q3", Entry::Participant),
        ("#code/1ABC", Entry::Facilitator),
        ("#presenter/w1", Entry::Facilitator),
        ("#agreement/", Entry::Facilitator),
        ("#report/", Entry::Facilitator),
        ("#workshops", Entry::Facilitator),
        ("#proposal", Entry::Facilitator),
        ("#data", Entry::Facilitator),
    ];
    for (hash, entry) in cases {
        let route = Route::of(hash);
        assert_eq!(Entry::of(&route), entry, "{hash}");
        assert!(
            entry.shows(&route) && Entry::Facilitator.shows(&route),
            "{hash}"
        );
        for other in Entry::ALL {
            assert_eq!(
                other.shows(&route),
                other == entry || other == Entry::Facilitator,
                "{hash}"
            );
        }
    }
    // A second-round link comes back as the hash it was read from.
    let again = "#again/bank/0001/2.5/Q3%20launch";
    assert_eq!(Route::of(again).to_hash(), again);
    assert_eq!(Entry::of_embed(Some("self")), Entry::SelfAssessment);
    for mode in [None, Some("both"), Some("workshop"), Some("nonsense")] {
        assert_eq!(Entry::of_embed(mode), Entry::Facilitator, "{mode:?}");
    }
    for view in [
        View::SelfAssessment,
        View::Workshops,
        View::Workshop("w1".into()),
        View::Proposal,
    ] {
        let route = Route::of_view(&view);
        assert!(Route::App.same_root(&route), "{view:?}");
        // A reload at the address of the view on screen (saved as it is) shows it again.
        assert_eq!(tandem::roots::view_of_route(&route, view.clone()), view);
    }
    // Opened from the start page, the address names the view to open.
    let saved = View::SelfAssessment;
    assert_eq!(
        tandem::roots::view_of_route(&Route::Workshops, saved.clone()),
        View::Workshops
    );
    assert_eq!(
        tandem::roots::view_of_route(&Route::Proposal, saved),
        View::Proposal
    );
}
