//! A horizontal 0–100 bar drawn in SVG (attributes, not inline styles, so it works under a
//! strict Content-Security-Policy). Decorative: the number is always written next to it.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ScoreBarProps {
    /// From 0 to `max`; `None` draws only the track.
    pub value: Option<f64>,
    /// The end of the scale: 100 for scores and gaps, 50 for spread.
    #[prop_or(100.0)]
    pub max: f64,
    /// `"score"` (higher is better) or `"friction"` (higher is worse, also used for gaps and
    /// spread): picks the colour.
    #[prop_or(AttrValue::Static("score"))]
    pub kind: AttrValue,
}

#[component]
pub fn ScoreBar(props: &ScoreBarProps) -> Html {
    let width = (props.value.unwrap_or(0.0) / props.max * 100.0).clamp(0.0, 100.0);
    html! {
        <svg class={classes!("bar", format!("bar-{}", props.kind))} viewBox="0 0 100 6"
             preserveAspectRatio="none" aria-hidden="true" focusable="false">
            <rect class="bar-track" x="0" y="0" width="100" height="6" rx="3" />
            if props.value.is_some() {
                <rect class="bar-fill" x="0" y="0" width={format!("{width:.2}")} height="6" rx="3" />
            }
        </svg>
    }
}
