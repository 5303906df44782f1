//! One statement with five choices: what "a question on screen" costs in Yew with nothing else.

use yew::prelude::*;

#[component]
fn Hello() -> Html {
    let chosen = use_state(|| None::<u8>);
    html! {
        <fieldset>
            <legend>{"Hello: how far do you agree?"}</legend>
            for value in 1..=5u8 {
                <label>
                    <input type="radio" name="hello" checked={*chosen == Some(value)}
                           onchange={{ let chosen = chosen.clone(); move |_| chosen.set(Some(value)) }} />
                    {value}
                </label>
            }
            <p class="chosen">{chosen.map_or_else(String::new, |value| format!("Chosen: {value}"))}</p>
        </fieldset>
    }
}

fn main() {
    yew::Renderer::<Hello>::new().render();
}
