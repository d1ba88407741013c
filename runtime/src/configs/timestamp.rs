//! `pallet_timestamp`: the block timestamp, set by an inherent, which drives Aura's slots.

use frame_support::traits::ConstU64;

use crate::{Aura, Runtime, SLOT_DURATION};

impl pallet_timestamp::Config for Runtime {
	/// Milliseconds since the Unix epoch.
	type Moment = u64;
	/// Aura checks each new timestamp against its slot.
	type OnTimestampSet = Aura;
	/// Two blocks are at least half a slot apart, so the slot duration is `SLOT_DURATION`.
	type MinimumPeriod = ConstU64<{ SLOT_DURATION / 2 }>;
	/// Weights measured on this runtime by `scripts/weights.sh`.
	type WeightInfo = crate::weights::pallet_timestamp::WeightInfo<Runtime>;
}
