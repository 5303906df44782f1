//! A QR code drawn as SVG from the code's modules: no image library and no inline HTML, so it is
//! crisp at any size, prints well and works under a strict Content-Security-Policy.

use std::fmt::Write as _;

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct QrProps {
    /// What the code holds (a link).
    pub text: AttrValue,
    /// The text alternative: what scanning it does.
    pub label: AttrValue,
}

/// The quiet zone around the code, in modules, as the QR standard asks.
const MARGIN: usize = 4;

#[component]
pub fn Qr(props: &QrProps) -> Html {
    let Ok(code) = qrcode::QrCode::new(props.text.as_bytes()) else {
        return Html::default();
    };
    let width = code.width();
    let mut path = String::new();
    for (index, color) in code.to_colors().iter().enumerate() {
        if *color == qrcode::Color::Dark {
            // Writing to a String cannot fail.
            let _ = write!(path, "M{} {}h1v1h-1z", index % width, index / width);
        }
    }
    let size = width + 2 * MARGIN;
    html! {
        <svg class="qr" viewBox={format!("-{MARGIN} -{MARGIN} {size} {size}")} role="img"
             aria-label={props.label.clone()} shape-rendering="crispEdges">
            <rect x={format!("-{MARGIN}")} y={format!("-{MARGIN}")} width={size.to_string()}
                  height={size.to_string()} fill="#ffffff" />
            <path d={path} fill="#000000" />
        </svg>
    }
}
