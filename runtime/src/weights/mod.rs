//! Weights of the FRAME pallets this runtime uses, measured on this runtime by
//! `scripts/weights.sh` (template `scripts/weights/runtime.hbs`). Do not edit the files: rerun the
//! script. Our own pallets keep their measured weights in `pallets/<name>/src/weights.rs`.

pub mod frame_system;
pub mod frame_system_extensions;
pub mod pallet_parameters;
pub mod pallet_scheduler;
pub mod pallet_timestamp;
pub mod pallet_transaction_payment;
