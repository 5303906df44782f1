//! The five-point scale plus an opt-out ("don't know", "no estimate") as a fieldset of native
//! radio buttons: arrow keys move and choose, Tab leaves, and every choice has a visible label.

use tandem_core::Rating;
use yew::prelude::*;

use crate::setup::{Words, use_words};

/// Which words the scale uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scale {
    /// Agreement with a statement; the opt-out is "Don't know".
    Agreement,
    /// How the other function would rate an area; the opt-out is "No estimate".
    Estimate,
}

impl Scale {
    fn label(self, words: Words, rating: Rating) -> &'static str {
        match self {
            Scale::Agreement => rating.agreement_label(words.0),
            Scale::Estimate => words.t(match rating.value() {
                1 => "scale.estimate.1",
                2 => "scale.estimate.2",
                3 => "scale.estimate.3",
                4 => "scale.estimate.4",
                _ => "scale.estimate.5",
            }),
        }
    }

    fn opt_out(self, words: Words) -> &'static str {
        words.t(match self {
            Scale::Agreement => "scale.dont-know",
            Scale::Estimate => "scale.no-estimate",
        })
    }
}

/// What a scale shows as chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    /// Not answered yet: no option is checked.
    Nothing,
    /// "Don't know" or "No estimate".
    OptOut,
    Rating(Rating),
}

impl Choice {
    /// The choice for a stored answer: absent is nothing yet, `None` is "don't know".
    #[must_use]
    pub fn of_answer(answer: Option<&Option<Rating>>) -> Choice {
        match answer {
            None => Choice::Nothing,
            Some(None) => Choice::OptOut,
            Some(Some(rating)) => Choice::Rating(*rating),
        }
    }

    /// The choice for a stored estimate: absent is "no estimate".
    #[must_use]
    pub fn of_estimate(estimate: Option<&Rating>) -> Choice {
        estimate.map_or(Choice::OptOut, |rating| Choice::Rating(*rating))
    }

    fn is(self, option: Option<Rating>) -> bool {
        match (self, option) {
            (Choice::OptOut, None) => true,
            (Choice::Rating(chosen), Some(rating)) => chosen == rating,
            _ => false,
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct LikertScaleProps {
    /// The radio group's name, unique on the page; option ids are `{name}-1` … `{name}-none`.
    pub name: AttrValue,
    pub legend: AttrValue,
    pub value: Choice,
    /// The rating chosen, or `None` for the opt-out.
    pub on_answer: Callback<Option<Rating>>,
    #[prop_or(Scale::Agreement)]
    pub scale: Scale,
}

/// The id of a scale's first option, for moving focus to it.
#[must_use]
pub fn first_option_id(name: &str) -> String {
    format!("{name}-1")
}

#[component]
pub fn LikertScale(props: &LikertScaleProps) -> Html {
    let words = use_words();
    let option = |choice: Option<Rating>, number: Option<u8>, text: &'static str| {
        let id = match choice {
            Some(rating) => format!("{}-{}", props.name, rating.value()),
            None => format!("{}-none", props.name),
        };
        let onchange = props.on_answer.reform(move |_: Event| choice);
        let class = classes!("choice", choice.is_none().then_some("choice-opt-out"));
        html! {
            <label class={class} for={id.clone()}>
                <input
                    type="radio"
                    id={id}
                    name={props.name.clone()}
                    checked={props.value.is(choice)}
                    {onchange}
                />
                if let Some(number) = number {
                    <span class="choice-number">{number}</span>
                }
                <span class="choice-text">{text}</span>
            </label>
        }
    };
    let answered = props.value != Choice::Nothing;
    html! {
        <fieldset class={classes!("likert", answered.then_some("answered"))}>
            <legend>{props.legend.clone()}</legend>
            <div class="choices">
                for rating in Rating::all() {
                    {option(Some(rating), Some(rating.value()), props.scale.label(words, rating))}
                }
                {option(None, None, props.scale.opt_out(words))}
            </div>
        </fieldset>
    }
}
