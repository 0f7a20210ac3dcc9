//! Printed documents, one renderer each: e-health cards (`card`), award certificates
//! (`certificate`), prescription slips (`prescription`), wards' day registers
//! (`register`), a place's monthly indicators report (`indicator_report`), a patient's day chart
//! (`chart`), an indent with its issue voucher (`indent`), a place's weekly IDSP form
//! (`weekly_form`) and a training's attendance register (`training_register`), the
//! tabular ones on shared sheets (`sheet`). They share the fonts and shaping (`text`)
//! and the PDF assembly (`pdf`): each page is drawn as SVG (1 user unit = 0.1 mm),
//! local-script text is shaped with rustybuzz and drawn as outlines, and an invisible
//! text layer makes those outlines searchable and copyable.

pub mod card;
pub mod certificate;
pub mod chart;
pub mod indent;
pub mod indicator_report;
pub mod pdf;
pub mod prescription;
pub mod register;
pub mod sheet;
pub mod text;
pub mod training_register;
pub mod weekly_form;
